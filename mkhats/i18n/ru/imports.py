"""Русские сообщения: импорт (выгрузки рекламных кабинетов, аналитики и CRM; профили)."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    # Отказ от файла целиком
    "imports.empty": "Файл пуст.",
    "imports.encoding": "Файл не является текстом в UTF-8, UTF-16 или Windows-1251 и не таблицей, которую читает mkhats.",
    "imports.malformed": "Строку {line} не удаётся разбить на ячейки; проверьте кавычки.",
    "imports.spreadsheet": "Файл похож на таблицу Excel, но не читается (повреждён или защищён паролем).",
    "imports.html": "Файл похож на HTML-таблицу, но не читается.",
    "imports.timezone": "«{value}» — не часовой пояс (пишите как Europe/Moscow).",
    "imports.unknown_layout": (
        "В файле нет столбцов профиля «{profile}»; его заголовок: «{line}». "
        "Как написать профиль для такого файла — в docs/profiles.md."
    ),
    "imports.unknown_file": (
        "mkhats не узнаёт этот файл; его заголовок: «{line}». "
        "Напишите для него профиль (docs/profiles.md; имеющиеся — mkhats profile list)."
    ),
    "imports.no_day": (
        "В отчёте нет столбца с днём («{column}», профиль «{profile}»): выгрузите его с разбивкой по дням; "
        "mkhats никогда не размазывает итог по периоду."
    ),
    "imports.nothing": "В файле нет ни одного столбца, который берёт профиль «{profile}» ({columns}).",
    "imports.where_missing": "В файле нет столбца «{column}», по которому профиль «{profile}» отличает нужные строки (успешную сделку от проваленной): выгрузите его с этим столбцом.",
    # Файлы профилей
    "imports.profile.toml": "{file} — некорректный TOML: строка {line}, позиция {column} («{text}»).",
    "imports.profile.unreadable": "{file} не читается как текстовый файл в UTF-8.",
    "imports.profile.unknown_field": "{file}: в профиле нет поля «{field}» (см. docs/profiles.md).",
    "imports.profile.missing": "{file}: поле «{field}» обязательно.",
    "imports.profile.choice": "{file}: «{field}» должно быть одним из {expected}.",
    "imports.profile.invalid": "{file}: у «{field}» значение не того вида ({value}).",
    "imports.profile.empty_name": "{file}: в «{field}» пустое название столбца.",
    "imports.profile.regex": "{file}: «{field}» — не регулярное выражение ({value}: {error}).",
    "imports.profile.one_test": "{file}: условию «{field}» нужен ровно один из in, not_in, matches, not_matches.",
    "imports.profile.encoding": "{file}: «{field}» — неизвестная кодировка «{value}».",
    "imports.profile.date_format": "{file}: «{field}»: в формате даты «{value}» есть код не из {codes}.",
    "imports.profile.timezone": "{file}: «{field}»: «{value}» — не часовой пояс (пишите как Europe/Moscow).",
    "imports.profile.one_currency": "{file}: «{field}» задаёт валюту только одним способом: column, fixed или from_header.",
    "imports.profile.kpi_key": "{file}: «{field}»: «{value}» — не ключ KPI (пишите как шляпа.имя).",
    "imports.profile.sum_column": '{file}: «{field}» суммирует столбец, поэтому нужен «column» (или aggregate = "count").',
    "imports.profile.slug": "{file}: «{field}»: «{value}» — только строчные латинские буквы, цифры и дефисы.",
    "imports.profile.manual": "{file}: «{field}» не может быть «manual»: это источник значений, которые вы вводите сами, и загрузка заменила бы их.",
    # Строки
    "imports.skip.total": "строка итогов («{label}»)",
    "imports.skip.no_day": "нет дня в «{column}»",
    "imports.skip.summary": "сводная строка (без названия кампании, группы или объявления)",
    "imports.skip.period": "охватывает период с {first} по {last}, а не один день",
    "imports.row.day": "«{value}» — не день ({formats})",
    "imports.row.number": "«{value}» в «{column}» — не число",
    "imports.row.currency": "валюта — {found}, а в строках выше — {expected}",
    # Примечания
    "imports.note.kpi_missing": "{kpi} не загружается: в файле нет столбца «{column}».",
    "imports.note.column_missing": "В файле нет столбца «{column}»: он читается как пустой.",
    "imports.note.stopped": "Чтение остановлено на строке {line}: там начинается другая таблица.",
    "imports.note.micros": "Деньги указаны в миллионных долях (micros) и поделены на 1 000 000.",
    # Профиль словами (mkhats profile show)
    "imports.show.title": "{name} — {title}",
    "imports.show.origin": "Где задан: {origin}",
    "imports.show.source": "Значения сохраняются с источником «{source}».",
    "imports.show.required": "Узнаётся по заголовку, где есть {names}.",
    "imports.show.file": "Кодировка: {encoding}; разделитель: {delimiter}; десятичный знак: {decimal}.",
    "imports.show.comment": "Строки, начинающиеся с «{comment}», — комментарии.",
    "imports.show.day": "День берётся из {column} ({formats}); время читается в поясе: {zone}.",
    "imports.show.period": "Строка, где {column} не совпадает с её днём, охватывает период и пропускается.",
    "imports.show.skip": "Строки без дня, первая ячейка которых подходит под {patterns}, — итоги и пропускаются.",
    "imports.show.summary": "Строка, где {columns} пусты, — сводная и пропускается.",
    "imports.show.money.units": "Деньги — в единицах валюты.",
    "imports.show.money.micros": "Деньги — в миллионных долях валюты (micros).",
    "imports.show.money.micros-or-units": "Деньги — в миллионных долях (micros), если записаны без дробной части.",
    "imports.show.currency.none": "Валюта в файле не указана: считается валютой файла данных.",
    "imports.show.currency.column": "Валюта берётся из {column}.",
    "imports.show.currency.fixed": "Валюта — {code}.",
    "imports.show.currency.header": "Валюта берётся из названия денежного столбца, как в «Расход (руб.)».",
    "imports.show.where": "Только строки, где {condition}.",
    "imports.show.where_tail": ", где {conditions}",
    "imports.show.kpi.sum": "{kpi} ← сумма {columns}{money}{where}",
    "imports.show.kpi.count": "{kpi} ← число строк{where}",
    "imports.show.money_mark": " (деньги)",
    "imports.cond.in": "{column} — одно из {values}",
    "imports.cond.not_in": "{column} — ни одно из {values}",
    "imports.cond.matches": "{column} подходит под «{pattern}»",
    "imports.cond.not_matches": "{column} не подходит под «{pattern}»",
    "imports.word.quoted": "«{text}»",
    "imports.word.and": " и ",
    "imports.word.auto": "по содержимому",
    "imports.word.tab": "табуляция",
    "imports.word.builtin": "встроен в mkhats",
    "imports.word.user_zone": "ваш часовой пояс",
    # Загрузка файла (mkhats import, экран загрузки в приложении)
    "import.directory": "{file} — папка, а не файл.",
    "import.not_a_file": "{file} — не обычный файл (канал или устройство): сначала сохраните выгрузку в файл.",
    "import.too_large": "{file} больше {limit}: выгрузите период покороче.",
    "import.profile_unknown": "Профиля «{name}» нет; есть: {names}.",
    "import.rate": "--rate должен быть числом больше 0 (указано {value}).",
    "import.currency": (
        "{file} в валюте {found}, а файл данных — в {expected}: "
        "укажите курс через --rate (сколько {expected} за 1 {found}) или смените валюту в настройках."
    ),
    "import.bad_total": "{kpi} за {day}: {reason}",
    "import.no_kpi": "Профиль «{profile}» заполняет {kpis}, но ни один из них не ведётся в этом файле данных.",
    "import.row_line": "строка {line}: {reason}",
    "import.preview.plain": "{file}: строки «дата, KPI, значение», записываются как ваши собственные (manual).",
    "import.preview.source": "{file}: {title} (профиль {name}), записывается с источником «{source}».",
    "import.preview.layout": "Прочитан как {kind}, разделитель {delimiter}, десятичный знак «{decimal}», заголовок в строке {line}.",
    "import.preview.kind.text": "текст",
    "import.preview.kind.spreadsheet": "таблица Excel",
    "import.preview.kind.html": "HTML-таблица",
    "import.preview.mapping": "Сопоставление:",
    "import.preview.kpi_skipped": "{kpi} не загружается: в этом файле данных такого KPI нет.",
    "import.preview.rate": "Деньги в {found} пересчитаны по курсу {rate} {expected} за 1 {found}.",
    "import.preview.totals": "По дням:",
    "import.preview.day": "День",
    "import.preview.no_values": "В файле нет значений ни за один день.",
    "import.preview.skipped": {
        "one": "Пропущена {count} строка:",
        "few": "Пропущено {count} строки:",
        "many": "Пропущено {count} строк:",
    },
    "import.preview.removes": {
        "one": "{count} значение «{source}» за эти дни больше нет в файле, оно будет удалено:",
        "few": "{count} значения «{source}» за эти дни больше нет в файле, они будут удалены:",
        "many": "{count} значений «{source}» за эти дни больше нет в файле, они будут удалены:",
    },
    "import.preview.more": {
        "one": "… и ещё {count}",
        "few": "… и ещё {count}",
        "many": "… и ещё {count}",
    },
    "import.preview.filtered": {
        "one": "{count} строка не проходит фильтры профиля (не учтена).",
        "few": "{count} строки не проходят фильтры профиля (не учтены).",
        "many": "{count} строк не проходят фильтры профиля (не учтены).",
    },
    "import.preview.would": {
        "one": "Пробный прогон: {values} значение из «{source}»; будет записано {written}, без изменений {unchanged}, будет удалено {removed}. Ничего не записано.",
        "few": "Пробный прогон: {values} значения из «{source}»; будет записано {written}, без изменений {unchanged}, будет удалено {removed}. Ничего не записано.",
        "many": "Пробный прогон: {values} значений из «{source}»; будет записано {written}, без изменений {unchanged}, будет удалено {removed}. Ничего не записано.",
    },
    "import.done": {
        "one": "Загружено {values} значение из «{source}»: записано {written}, без изменений {unchanged}, удалено {removed}.",
        "few": "Загружено {values} значения из «{source}»: записано {written}, без изменений {unchanged}, удалено {removed}.",
        "many": "Загружено {values} значений из «{source}»: записано {written}, без изменений {unchanged}, удалено {removed}.",
    },
    "profile.list_line": "{name}  {title}  ({origin})",
    "profile.folder": "Ваши профили: {folder}",
}
