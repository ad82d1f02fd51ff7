"""Русские сообщения: экран импорта в приложении и папка inbox (SPEC §9)."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    "ui.key.import_file": "Загрузить",
    "ui.cmd.import_file": "Загрузить файл (рекламные кабинеты, аналитика, CRM)",
    "import_ui.title": "Загрузить файл",
    "import_ui.path": "Файл",
    "import_ui.path_hint": "введите или вставьте путь, затем enter",
    "import_ui.intro": (
        "Выгрузки из папки загрузок и из inbox/ рядом с файлом данных, сначала новые. "
        "Выберите файл: до записи будет видно, что он принесёт."
    ),
    "import_ui.none": "Ни в загрузках, ни в inbox/ нет выгрузок: введите путь к файлу выше.",
    "import_ui.col.name": "Имя",
    "import_ui.col.folder": "Папка",
    "import_ui.col.size": "Размер",
    "import_ui.col.age": "Изменён",
    "import_ui.reading": "Читаю {file}…",
    "import_ui.refused": "Ничего не записано; файл остался как был.",
    # Последняя строка предпросмотра в приложении, где прогон не пробный (present.import_text.change_line).
    "import.preview.confirm": {
        "one": "{values} значение из «{source}»: записать {written}, без изменений {unchanged}, удалить {removed}.",
        "few": "{values} значения из «{source}»: записать {written}, без изменений {unchanged}, удалить {removed}.",
        "many": "{values} значений из «{source}»: записать {written}, без изменений {unchanged}, удалить {removed}.",
    },
    "import_ui.currency": (
        "{file} в валюте {found}, а файл данных — в {expected}: введите, сколько {expected} стоит 1 {found}, "
        "и нажмите enter (или смените валюту в настройках)."
    ),
    "import_ui.rate": "{expected} за 1 {found}",
    "import_ui.rate_field": "Курс",
    "import_ui.rate_positive": "Курс должен быть числом больше 0 (введено «{value}»).",
    "import_ui.import": "Загрузить",
    "import_ui.back": "Назад",
    "import_ui.moved": "{file} перенесён в {to}.",
    "import_ui.stuck": "{file} загружен, но остался в inbox: {reason}.",
    "import_ui.inbox": {
        "one": "В inbox/ ждёт {count} файл: нажмите {key}, чтобы загрузить его.",
        "few": "В inbox/ ждут {count} файла: нажмите {key}, чтобы загрузить их.",
        "many": "В inbox/ ждут {count} файлов: нажмите {key}, чтобы загрузить их.",
    },
    "import_ui.age.now": "только что",
    "import_ui.age.minutes": {"one": "{count} мин назад", "few": "{count} мин назад", "many": "{count} мин назад"},
    "import_ui.age.hours": {"one": "{count} ч назад", "few": "{count} ч назад", "many": "{count} ч назад"},
    "import_ui.age.days": {"one": "{count} день назад", "few": "{count} дня назад", "many": "{count} дней назад"},
    "import_ui.size.b": "{size} Б",
    "import_ui.size.kb": "{size} КБ",
    "import_ui.size.mb": "{size} МБ",
    "import_ui.size.gb": "{size} ГБ",
}
