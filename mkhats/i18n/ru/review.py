"""Русские сообщения: предупреждения разбора недели."""

MESSAGES = {
    "review.conflict": "{pair} ({level}): обе шляпы на одном человеке ({person}), а действующей внешней проверки нет. Проверка: {check}.",
    "review.conflict_expired": "Последняя проверка истекла {day}.",
    "review.conflict_problems": "Проверил(а) {by} {day}: найдены проблемы; предупреждение останется, пока проверка не пройдёт без проблем.",
    "review.conflict_problems_note": "Проверил(а) {by} {day}: найдены проблемы — «{note}»; предупреждение останется, пока проверка не пройдёт без проблем.",
    "review.stop": "{hat} {kpi} {condition}: {span} ({values}). Действие: {action}; запишите решение.",
    "review.target": "{hat} · {kpi} за {week}: {value} при цели {target} ({direction}).",
    "review.target_pace": "{hat} · {kpi} за {week} ({run}): пока {value}, в темпе на {projection} при цели {target} ({deviation}).",
    "review.target_partial": "{hat} · {kpi} за {week} пока ({run}): {value} при цели {target} ({direction}).",
    "review.ritual_plan": "{hat}: нет плана на {week}; план сдаётся до конца понедельника.",
    "review.ritual_facts": "{hat}: нет фактов за {week}; факт, вывод и действие сдаются до конца пятницы.",
    "review.roles_none": "Ревизия ролей и KPI ещё не проводилась; проводите её раз в квартал.",
    "review.roles_due": {
        "one": "Последняя ревизия ролей и KPI была {days} день назад ({last}); её проводят раз в квартал.",
        "few": "Последняя ревизия ролей и KPI была {days} дня назад ({last}); её проводят раз в квартал.",
        "many": "Последняя ревизия ролей и KPI была {days} дней назад ({last}); её проводят раз в квартал.",
    },
    "review.hours_cmo": "Часы CMO за {week}: {hours} ч ({person}), вне диапазона {low}–{high} ч в неделю для CMO на полставки.",
    "review.hours_budget": "{hat} за {week}: {hours} ч при бюджете {budget} ч.",
    "review.roles_shift": "{kpi} за {week}: {value}, {change} % к среднему за 4 недели ({average}) — пора пересмотреть роли и KPI.",
    "review.setup_stop": "{hat} {kpi}: у стоп-правила «{condition}» не задан порог; задайте его, чтобы правило работало.",
    "direction.up": "чем больше, тем лучше",
    "direction.down": "чем меньше, тем лучше",
    "review.none": "Предупреждений нет.",
    "stop.for_days": {
        "one": "{condition} {days} день подряд",
        "few": "{condition} {days} дня подряд",
        "many": "{condition} {days} дней подряд",
    },
}
