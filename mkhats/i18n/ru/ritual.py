"""Русские сообщения: еженедельный ритуал (issue 16): шаги, что в них осталось, степпер и CLI."""

MESSAGES = {
    "ritual.kind.monday": "Ритуал понедельника",
    "ritual.kind.friday": "Ритуал пятницы",
    "ritual.step.numbers": "Внести цифры",
    "ritual.step.last_week": "Прошлая неделя",
    "ritual.step.decisions": "Решения",
    "ritual.step.conflicts": "Конфликты",
    "ritual.step.plan": "План недели",
    "ritual.step.deck": "Презентация владельцу",
    "ritual.step.facts": "Факты недели",
    "ritual.step.report": "Отчёт и презентация",
    "ritual.done": "готово",
    "ritual.progress": "{ritual} · {n}/{total} · {step}",
    "ritual.left.inbox": {
        "one": "{count} файл ждёт во входящих",
        "few": "{count} файла ждут во входящих",
        "many": "{count} файлов ждут во входящих",
    },
    "ritual.left.numbers": {
        "one": "{hat}: {count} KPI без цифр за {week}",
        "few": "{hat}: {count} KPI без цифр за {week}",
        "many": "{hat}: {count} KPI без цифр за {week}",
    },
    "ritual.left.facts": "{hat}: нет факта, вывода или действия за {week}",
    "ritual.left.not_visited": "итоги {week} ещё не просмотрены",
    "ritual.left.stops": {
        "one": "{count} стоп-сигнал ждёт решения",
        "few": "{count} стоп-сигнала ждут решения",
        "many": "{count} стоп-сигналов ждут решения",
    },
    "ritual.left.budgets": {
        "one": "{count} предупреждение о бюджете ждёт решения",
        "few": "{count} предупреждения о бюджете ждут решения",
        "many": "{count} предупреждений о бюджете ждут решения",
    },
    "ritual.left.conflicts": {
        "one": "{count} конфликт без действующей проверки",
        "few": "{count} конфликта без действующей проверки",
        "many": "{count} конфликтов без действующей проверки",
    },
    "ritual.left.plan": "{hat}: нет плана на {week}",
    "ritual.left.deck": "презентация за {week} ещё не записана",
    "ritual.left.report": "отчёт и презентация за {week} ещё не записаны",
    "ritual.left.report_stale": "отчёт за {week} записан до фактов, внесённых позже: запишите его заново",
    "ritual.header_done": "{ritual}: готово за {time}",
    "ritual.header_short.monday": "Пн ✓ {time}",
    "ritual.header_short.friday": "Пт ✓ {time}",
    "ritual.unknown_kind": "Нет такого ритуала: {kind} (monday или friday).",
    "ritual.not_started": "Ритуал недели {week} не начат.",
    "ritual.trend": "Ритуал понедельника, 13 недель: {spark}  последний {last}",
    "ritual.trend_none": "Ритуал понедельника, 13 недель: ни одного завершённого (M — начать)",
    # Командная строка
    "cli.ritual.help": "еженедельный ритуал: что осталось (status)",
    "cli.ritual.status": "показать, что осталось в ритуале недели, по строке на шаг; код 1, пока что-то осталось",
    "cli.ritual.friday": "ритуал пятницы (факты, отчёт) вместо понедельничного",
    "cli.ritual.title": "{ritual} · {week}",
    "cli.ritual.all_done": "Ничего не осталось: ритуал недели {week} завершён.",
    # Степпер
    "ritual.key.open": "Открыть шаг",
    "ritual.key.skip": "Пропустить",
    "ritual.key.back": "Шаг назад",
    "ritual.key.close": "Закрыть",
    "ritual.key.monday": "Ритуал понедельника",
    "ritual.key.friday": "Ритуал пятницы",
    "ritual.cmd.monday": "Ритуал понедельника: цифры, прошлая неделя, решения, конфликты, план, презентация",
    "ritual.cmd.friday": "Ритуал пятницы: факты недели, отчёт и презентация",
    "ritual.hint": "enter — открыть шаг · n — пропустить · b — назад · esc — закрыть (в следующий раз продолжим отсюда)",
    "ritual.time": "прошло {time}",
    "ritual.completed": "Готово за {time}: в ритуале ({ritual}, {week}) ничего не осталось.",
    "ritual.still_left": "Ещё не всё: в шаге «{step}» осталось: {left}. Enter — перейти туда.",
    "ritual.offer": "Ритуал понедельника этой недели не пройден: нажмите {key}, чтобы начать.",
    "ritual.resume_offer": "Ритуал понедельника остановлен на шаге «{step}»: нажмите {key}, чтобы продолжить.",
    "ritual.deck_written": "Презентация за {week} записана: {file}",
    "ritual.report_written": "Отчёт за {week} записан: {file}",
    "ritual.open_deck": "Открыть презентацию",
    "ritual.opening": "Открываю {file} в браузере (если он есть на этом компьютере)",
    "ritual.open_hint": "o — открыть презентацию",
    "ritual.numbers_none": "Вносить нечего: входящие пусты, у всех измеряемых KPI есть цифры за {week}.",
    "ritual.help": """\
## Еженедельный ритуал

| клавиша | что делает |
|---|---|
| `M` | ритуал понедельника: цифры, прошлая неделя, решения, конфликты, план недели, презентация владельцу |
| `F` | ритуал пятницы: факты каждой шляпы рядом с цифрами недели, затем отчёт и презентация |
""",
    "ritual.mark.done": "✓",
    "ritual.mark.left": "•",
    "ritual.mark.here": "▶",
}
