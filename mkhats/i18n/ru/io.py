"""Russian messages: io (CSV import and export)."""

MESSAGES: dict = {
    "csv.empty": "Файл пуст: нужна строка заголовка и хотя бы одна строка значений.",
    "csv.encoding": (
        "Файл не является текстом в UTF-8, UTF-16 или Windows-1251; сохраните его как «CSV UTF-8»."
    ),
    "csv.header": (
        "В первой строке должны быть названия столбцов date,kpi,value[,note] или "
        "date,hat,kpi,value[,note] (сейчас: {found})."
    ),
    "csv.malformed": "Строку {row} не удаётся разбить на ячейки; проверьте кавычки.",
    "csv.row": "Строка {row}: {reason}",
    "csv.row.missing": "пустая ячейка {column}.",
    "csv.row.extra_cells": (
        "ячеек больше, чем в заголовке ({cells} вместо {expected}); в файле с разделителем-запятой "
        "десятичную запятую нужно брать в кавычки: \"1234,5\"."
    ),
    "csv.row.number": "«{value}» — не число (пишите 1234.5, 1 234,5 или 1234,5).",
    "csv.row.unknown_kpi": (
        "KPI «{kpi}» не существует (пишите его как шляпа.имя; список — mkhats kpi list)."
    ),
    "csv.row.unknown_kpi_hint": "KPI «{kpi}» не существует; может быть, имелся в виду {hint}?",
    "csv.row.formula": "{kpi} вычисляется по формуле, поэтому его значения нельзя импортировать.",
    "csv.row.negative": "{kpi} не может быть отрицательным, а значение — {value}.",
    "csv.row.note_too_long": "в заметке {length} символов, а можно не больше {max}.",
    "csv.row.duplicate": "задаёт {kpi} на {day} иначе, чем строка {first}.",
}
