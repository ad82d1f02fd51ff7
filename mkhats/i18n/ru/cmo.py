"""Русские подписи пульта CMO: карта каналов, стратсессия, ревизия ролей и KPI, гипотезы."""

MESSAGES = {
    **{
        f"cmo.month.{n}": f"{name} {{year}}"
        for n, name in enumerate(
            (
                "январь",
                "февраль",
                "март",
                "апрель",
                "май",
                "июнь",
                "июль",
                "август",
                "сентябрь",
                "октябрь",
                "ноябрь",
                "декабрь",
            ),
            start=1,
        )
    },
    # ревью и check
    "review.strategy_due": "Стратсессия за {month} не проведена: решите, какие каналы масштабировать, тестировать, а какие резать.",
    "review.hypothesis_open": "{hat}: тест гипотезы «{statement}» ({kpi}, {test}) закончился — зафиксируйте вердикт.",
    # клавиши и палитра
    "cmo.key.channels": "Карта: неделя/месяц",
    "cmo.key.strategy": "Стратсессия",
    "cmo.key.roles": "Ревизия ролей и KPI",
    "cmo.key.hypotheses": "Гипотезы",
    "cmo.key.new_hypothesis": "Новая",
    "cmo.key.verdict": "Вердикт",
    "cmo.cmd.channels": "Карта каналов: неделя / месяц",
    "cmo.cmd.strategy": "Ежемесячная стратсессия",
    "cmo.cmd.roles": "Квартальная ревизия ролей и KPI",
    "cmo.cmd.hypotheses": "Гипотезы этой шляпы",
    "cmo.key.plan": "Медиаплан",
    "cmo.cmd.plan": "Медиаплан квартала: бюджет, лиды, допуск",
    "cmo.help": """\
## Пульт CMO

| клавиша | что делает |
|---|---|
| `m` | на вкладке CMO: карта каналов за неделю или за месяц |
| `v` | ежемесячная стратсессия: каждому каналу — масштабировать, тестировать или резать |
| `k` | квартальная ревизия ролей и KPI: поднять цель, добавить, убить или оставить KPI |
| `h` | гипотезы шляпы на этой вкладке: база, тест, прирост, вердикт |
| `p` | на вкладке CMO: медиаплан квартала выбранной недели по каналам и месяцам (бюджет, лиды, допуск; `[` `]` другие кварталы; `ctrl+s` сохраняет всё) |
| `g` | в карточке KPI: цель квартала от владельца и недельная цель, которая из неё следует |
""",
    # карта каналов
    "cmo.map.week": "Карта каналов · {week}",
    "cmo.map.month": "Карта каналов · {month} ({span})",
    "cmo.map.month_so_far": "Карта каналов · {month}, пока ({span})",
    "cmo.strategy.key_running": "Текущий месяц",
    "cmo.strategy.month_numbers": "{month} ({span})",
    "cmo.map.hint": "m неделя/месяцы · p план · v стратсессия · k ревизия · h гипотезы",
    # отчёт
    "cmo.col.vs_prev": "к пред.",
    "cmo.col.avg4": "Средн. 4 нед.",
    "cmo.col.vs_avg": "к средн.",
    "cmo.col.hat": "Шляпа",
    "cmo.col.hours": "Часы",
    "cmo.col.budget": "Бюджет",
    "cmo.col.note": "Замечание",
    "cmo.col.hypothesis": "Гипотеза",
    "cmo.col.kpi": "KPI",
    "cmo.col.baseline": "База",
    "cmo.col.test": "Тест",
    "cmo.col.before": "До",
    "cmo.col.after": "После",
    "cmo.col.uplift": "Прирост",
    "cmo.col.change": "До → после",
    "cmo.report.session": "Стратсессия · {month}",
    "cmo.report.no_session": "Стратсессия за {month} ещё не записана.",
    "cmo.report.session_held": "Проведена {day}.",
    "cmo.report.hours": "Часы по шляпам",
    "cmo.report.hypotheses": "Гипотезы",
    "cmo.report.no_hypotheses": "Гипотез на тесте нет.",
    "cmo.notes": "Итоги",
    "cmo.hours.outside_band": "вне {low}–{high} ч",
    "cmo.hours.over_budget": "сверх бюджета",
    "cmo.hours.line": "{hat} за {week}: {hours} ч",
    "cmo.hours.budget": "(бюджет {budget} ч)",
    "cmo.hours.band": "(CMO на полставки: {low}–{high} ч)",
    # стратсессия
    "cmo.strategy.title": "Стратсессия",
    "cmo.strategy.intro": "Какие каналы зарабатывают (масштабируем), что тестируем, что режем.",
    "cmo.strategy.numbers": "{hat}: лиды {leads} · расход {spend} · ROMI {romi}",
    "cmo.strategy.month": "Месяц",
    "cmo.strategy.history": "Прошлые сессии:",
    "cmo.strategy.no_history": "Раньше сессий не было.",
    "cmo.strategy.saved": "Стратсессия за {month} записана.",
    "strategy.month_format": "«{value}» — не месяц (пишите 2026-11).",
    "strategy.month_future": "{month} ещё не начался: запишите сессию за текущий месяц или за прошлый.",
    "strategy.verdict_unknown": "«{verdict}» — не решение (выберите из: {verdicts}).",
    "strategy.not_channel": "«{hat}» — не канал: решение выносится только по каналам.",
    "strategy.no_verdict": "Вынесите решение хотя бы по одному каналу: масштабировать, тестировать или резать.",
    "strategy.too_long": "Слишком длинные итоги (не больше {limit} символов).",
    # ревизия ролей и KPI
    "cmo.roles.kpis": "KPI: поднять цель, добавить рядом новый, убить или оставить",
    "cmo.roles.choice.keep": "оставить",
    "cmo.roles.choice.raise": "поднять",
    "cmo.roles.choice.add": "добавить",
    "cmo.roles.choice.kill": "убить",
    "cmo.roles.target_hint": "цель сейчас {target}",
    "cmo.fade.fading": "теряет связь с выручкой: r {before} → {now}",
    "cmo.fade.steady": "связь с выручкой: r {before} → {now}",
    "cmo.fade.no_data": "мало данных ({before} + {now} из 26 недель)",
    "roles.target_needed": "{kpi}: чтобы поднять цель, впишите новую.",
    "roles.choice_unknown": "Решение по KPI — одно из: {choices}.",
    # гипотезы
    "cmo.hyp.title": "{hat} · гипотезы",
    "cmo.hyp.hint": "n новая · v или enter — вердикт · esc — назад",
    "cmo.hyp.empty": "Гипотез пока нет: нажмите n и запишите гипотезу с KPI, базовым и тестовым периодом.",
    "cmo.hyp.new_title": "Новая гипотеза · {hat}",
    "cmo.hyp.statement": "Гипотеза",
    "cmo.hyp.statement_hint": "например: заголовки-кейсы дают больше лидов",
    "cmo.hyp.saved": "Гипотеза записана: {statement}",
    "cmo.hyp.verdict_title": "Вердикт по гипотезе",
    "cmo.hyp.numbers": "{kpi}: {before} за {baseline} → {after} за {test} ({uplift})",
    "cmo.hyp.judged": "«{statement}»: {verdict}.",
    "cmo.hyp.choose": "Выберите вердикт.",
    "cmo.hyp.running": "идёт тест",
    "cmo.hyp.verdict.none": "ждёт вердикта",
    "cmo.hyp.verdict.confirmed": "подтвердилась",
    "cmo.hyp.verdict.rejected": "не подтвердилась",
    "cmo.hyp.verdict.inconclusive": "результат неясен",
    "hypothesis.statement_empty": "Сформулируйте гипотезу: что должно измениться и почему.",
    "hypothesis.statement_long": "Слишком длинная гипотеза (не больше {limit} символов).",
    "hypothesis.kpi_unknown": "«{kpi}» — не действующий KPI.",
    "hypothesis.baseline_order": "Базовый период заканчивается раньше, чем начинается.",
    "hypothesis.test_order": "Тестовый период заканчивается раньше, чем начинается.",
    "hypothesis.overlap": "Тест должен начинаться после окончания базового периода.",
    "hypothesis.window_long": "Период — не длиннее {days} дней.",
    "hypothesis.unknown": "Гипотезы «{id}» нет.",
    "hypothesis.verdict_unknown": "«{verdict}» — не вердикт (выберите из: {verdicts}).",
    # демо-данные
    "demo.session.notes": "Органика и CRM окупаются — добавляем. Платный трафик оставляем на тесте, пока CPA не устоится.",
    "demo.hypothesis.1": "Заголовки с цифрой приводят больше лидов",
    "demo.hypothesis.2": "Узкие аудитории снизят CPL",
}
