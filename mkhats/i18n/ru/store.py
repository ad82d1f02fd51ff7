"""Русские сообщения: файл данных и резервные копии."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    "store.corrupt": (
        "Файл {file} нельзя использовать: {reason}. Он оставлен как есть; последняя резервная копия — {backup}."
    ),
    "store.corrupt_no_backup": (
        "Файл {file} нельзя использовать: {reason}. Он оставлен как есть, резервных копий пока нет."
    ),
    "store.backup_invalid": "{file} — непригодная резервная копия mkhats: {reason}. Ничего не изменено.",
    "store.backup_entry_invalid": (
        "{file} — непригодная резервная копия mkhats: файл {entry} в ней нельзя использовать: {reason}. "
        "Ничего не изменено."
    ),
    "store.io_read": "Не удалось прочитать {file}: {reason}.",
    "store.io_write": "Не удалось сохранить {file}: {reason}. Файл остался прежним.",
    "store.data_invalid": "Не удалось сохранить {file}: {reason}. Ничего не записано.",
    "store.lock_timeout": "Другой экземпляр mkhats сейчас записывает {file}; попробуйте ещё раз через минуту.",
    "store.io_commit": "Не удалось сохранить {file}: {reason}. Ничего не изменено: все файлы данных остались прежними.",
    "store.io_pending": (
        "Не удалось завершить сохранение {file}: {reason}. Изменение записано в журнал и будет завершено"
        " при следующем открытии данных mkhats."
    ),
    "store.not_a_file": (
        "{file} — устройство, канал или сокет, а не файл данных: укажите в --db имя файла в своей папке."
    ),
    "store.wrong_month": (
        "В {file} есть значение {kpi} за {day}, которое относится к файлу другого месяца; файл не изменён."
        " Последняя читаемая резервная копия — {backup}."
    ),
    "store.wrong_month_no_backup": (
        "В {file} есть значение {kpi} за {day}, которое относится к файлу другого месяца; файл не изменён."
    ),
    "store.duplicate_value": (
        "В {file} два значения {kpi} за {day}; файл не изменён. Последняя читаемая резервная копия — {backup}."
    ),
    "store.duplicate_value_no_backup": "В {file} два значения {kpi} за {day}; файл не изменён.",
    "store.reason.empty": "файл пустой (0 байт)",
    "store.reason.bom": "он начинается с метки порядка байтов (BOM), которую mkhats никогда не пишет",
    "store.reason.not_utf8": "это не текст в UTF-8",
    "store.reason.not_json": "это некорректный JSON (строка {line}, столбец {column}); возможно, файл обрезан",
    "store.reason.not_object": "его содержимое — не JSON-объект",
    "store.reason.table_not_object": "его таблица «{table}» — не JSON-объект",
    "store.reason.bad_doc_id": "в его таблице «{table}» идентификатор документа «{doc_id}» — не число",
    "store.reason.doc_not_object": "документ {doc_id} его таблицы «{table}» — не JSON-объект",
    "store.reason.meta_missing": "в нём нет таблицы «meta» с версией схемы",
    "store.reason.meta_bad": "его таблица «meta» не содержит одной корректной версии схемы",
    "store.reason.newer": (
        "он записан более новой версией mkhats (версия схемы {found}, эта читает до {supported}); обновите mkhats"
    ),
    "store.reason.no_migration": "его версию схемы {found} нельзя обновить до {supported}",
    "store.reason.backup_format": "это не резервная копия mkhats (нужны «mkhats_backup»: 1 и «files»)",
    "store.reason.backup_entry": "в ней неожиданный файл «{entry}»",
    "store.reason.backup_no_main": "в ней нет основного файла",
    "store.reason.missing": "файла нет",
    "store.reason.disk_full": "диск заполнен",
    "store.reason.permission": "нет прав доступа",
    "store.reason.read_only": "файловая система доступна только для чтения",
    "store.reason.os": "{detail}",
    "store.reason.not_finite": "число в таблице «{table}» не конечно (NaN или бесконечность)",
    "store.reason.not_serialisable": "значение нельзя записать в JSON ({detail})",
}
