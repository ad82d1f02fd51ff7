"""Русские сообщения: общие слова и ошибки ввода для всех разделов."""

MESSAGES = {
    "app.name": "mkhats",
    "error.number": "{field}: «{value}» — не число (пишите 1234,5 или 1 234,5).",
    "error.number.groups": "{field}: в «{value}» в каждой группе разрядов должно быть три цифры.",
    "error.number.mixed": "{field}: в «{value}» смешаны два разных разделителя разрядов.",
    "error.number.marks": "{field}: в «{value}» больше одного десятичного разделителя или разделитель после него.",
    "error.date_format": "«{value}» — не дата (пишите ГГГГ-ММ-ДД или ДД.ММ.ГГГГ).",
    "error.week_format": "«{value}» — не неделя (пишите ГГГГ-Wнн, например 2026-W48).",
    "error.week_missing": "Недели {value} в этом году нет.",
    # Даты (сокращения CLDR, как в pendulum; тест следит, чтобы они совпадали).
    "date.day_month_year": "{day} {month} {year}",
    "date.day_month": "{day} {month}",
    **{
        f"date.month.{n}": name
        for n, name in enumerate(
            ("янв.", "февр.", "мар.", "апр.", "мая", "июн.", "июл.", "авг.", "сент.", "окт.", "нояб.", "дек."), 1
        )
    },
    **{f"date.weekday.{n}": name for n, name in enumerate(("пн", "вт", "ср", "чт", "пт", "сб", "вс"), 1)},
}
