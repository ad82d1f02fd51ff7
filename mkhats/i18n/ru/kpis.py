"""Russian messages: KPI, формулы и стоп-правила."""

MESSAGES: dict = {
    # Формулы: «formula.syntax» оборачивает одну из фраз «formula.detail.*».
    "formula.syntax": "Формула «{formula}», символ {pos}: {detail}.",
    "formula.found.end": "конец формулы",
    "formula.detail.char": "символ «{found}» недопустим (используйте числа, имена KPI, + - * / и скобки)",
    "formula.detail.empty": "формула пуста (напишите, например, spend / leads)",
    "formula.detail.operand": "ожидалось число, имя KPI или «(», а найдено {found}",
    "formula.detail.operator": "ожидался знак действия (+ - * /), а найдено {found}",
    "formula.detail.close": "ожидался знак действия (+ - * /) или «)», а найдено {found}",
    "formula.detail.close_extra": "у этой «)» нет парной «(»",
    "formula.detail.depth": "скобки и минусы вложены глубже {limit} уровней",
    "formula.detail.length": "формула длиннее {limit} символов",
    "formula.unknown_kpi": "Формула {kpi} ссылается на «{ref}», но такого KPI нет (напишите имя KPI той же шляпы, например spend, или полный ключ, например crm.ltv).",
    "formula.cycle": "Формула {kpi} зависит сама от себя: {path}.",
    # Значения KPI.
    "kpi.is_formula": "{kpi} считается по формуле ({formula}): введите значения её составляющих.",
    "kpi.not_finite": "Значение {kpi} должно быть конечным числом.",
    "kpi.negative": "Значение {kpi} не может быть отрицательным (введено {value}).",
    # Стоп-правила.
    "stop.syntax": "Стоп-правило «{text}» не распознано: напишите знак сравнения, порог и при необходимости число дней, например > 1500 3 дня подряд (? — порог пока не задан).",
    "stop.threshold": "Стоп-правило «{text}»: порог «{value}» — не число (напишите 1500, 1 234,5 или ?).",
    "stop.days": "Стоп-правило «{text}»: число дней должно быть от 1 до {limit}, а не {days}.",
    "stop.guard_syntax": "Фильтр стоп-правила «{text}» не распознан: напишите KPI той же шляпы, знак сравнения и порог, например spend >= 3000 (? — порог пока не задан).",
}
