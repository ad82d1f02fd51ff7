"""Русские сообщения: экраны, клавиши и состояния приложения."""

MESSAGES = {
    "ui.key.hat": "Шляпа",
    "ui.key.prev_week": "Нед. −",
    "ui.key.next_week": "Нед. +",
    "ui.key.this_week": "Сегодня",
    "ui.key.add_value": "Ввод",
    "ui.key.wear": "Надеть",
    "ui.key.review": "Обзор",
    "ui.key.settings": "Настройки",
    "ui.key.help": "Справка",
    "ui.key.quit": "Выход",
    "ui.key.open_kpi": "Карточка KPI",
    "ui.key.edit_log": "План-факт",
    "ui.log_hint": "l или щелчок — править",
    "ui.log_title": "{hat} · план-факт недели {week}",
    "ui.log_not_saved": "Не сохранено: текст остался здесь, попробуйте ещё раз.",
    "ui.key.tick": "Отметить",
    "ui.key.edit_items": "Править пункты",
    "ui.key.save": "Сохранить план-факт",
    "ui.key.back": "Назад",
    "ui.checklist": "Чек-лист {done}/{total}",
    "ui.kpis": "KPI",
    "ui.col.weeks13": "13 недель",
    "ui.log": "План-факт недели {week}",
    "ui.log.plan": "План (пн)",
    "ui.log.fact": "Факт (пт)",
    "ui.log.conclusion": "Вывод",
    "ui.log.action": "Действие",
    "ui.saved": "сохранено",
    "ui.unsaved": "● не сохранено",
    "ui.worn_by": "в шляпе: {person} · {mission}",
    "ui.alerts_open": {
        "one": "⚠ {count} стоп-сигнал",
        "few": "⚠ {count} стоп-сигнала",
        "many": "⚠ {count} стоп-сигналов",
    },
    "ui.wearing": "в шляпе «{hat}» {time}",
    "ui.warnings": {"one": "{count} предупреждение", "few": "{count} предупреждения", "many": "{count} предупреждений"},
    "ui.no_warnings": "✓ предупреждений нет",
    "ui.stop_marker": "СТОП",
    "ui.cmd.prev_week": "Предыдущая неделя",
    "ui.cmd.next_week": "Следующая неделя",
    "ui.cmd.this_week": "Вернуться к этой неделе",
    "ui.cmd.add_value": "Добавить значение KPI",
    "ui.cmd.review": "Открыть обзор",
    "ui.cmd.settings": "Открыть настройки",
    "ui.cmd.help": "Показать клавиши",
    "ui.cmd.go_hat": "Перейти: {hat}",
    "ui.cmd.go_hat_help": "Показать вкладку этой шляпы",
    "ui.cmd.wear_hat": "Надеть шляпу «{hat}»",
    "ui.cmd.wear_help": "Начать (или закончить) учёт времени в этой шляпе",
    "ui.cmd.edit_checklist": "Править чек-лист",
}
MESSAGES["ui.help"] = """\
# mkhats — клавиши

| клавиша | что делает |
|---|---|
| `1`…`8` | перейти к шляпе по её номеру |
| `[` `]` | предыдущая / следующая неделя |
| `t` | вернуться к этой неделе |
| `a` | добавить значение KPI (выбранный KPI подставится) |
| `enter` | на KPI: график, значения и стоп-правило · на пункте чек-листа: отметить |
| `space` | отметить или снять отметку с пункта чек-листа |
| `e` | править чек-лист (добавить, переименовать, удалить, переставить) |
| `w` | надеть эту шляпу (время учитывается по шляпам) или снять |
| `ctrl+s` | сохранить план-факт недели (он сохраняется и при выходе из поля) |
| `r` | обзор: конфликты ролей, стоп-сигналы, цели, ритуалы |
| `s` | настройки: люди, шляпы, KPI, конфликты, язык |
| `ctrl+p` | любое действие по названию |
| `escape` | назад / отмена |
| `q` | выход (сохраняет план-факт и снимает шляпу) |

Файл данных: `{db}` (резервные копии — в папке `backups/` рядом с ним).
"""
# Слова самой палитры команд Textual (mkhats.ui.palette подставляет их вместо английских).
MESSAGES.update(
    {
        "ui.key.palette": "команды",
        "ui.palette.prompt": "Найти команду…",
        "ui.palette.themes": "Найти тему оформления…",
        "ui.sys.theme.title": "Тема оформления",
        "ui.sys.theme.help": "Сменить цветовую тему",
        "ui.sys.quit.title": "Выход",
        "ui.sys.quit.help": "Закрыть приложение",
        "ui.sys.keys_show.title": "Клавиши",
        "ui.sys.keys_show.help": "Показать подсказку к текущему полю и список доступных клавиш",
        "ui.sys.keys_hide.title": "Клавиши",
        "ui.sys.keys_hide.help": "Скрыть панель клавиш и подсказок",
        "ui.sys.maximize.title": "Развернуть",
        "ui.sys.maximize.help": "Развернуть текущий блок на весь экран",
        "ui.sys.minimize.title": "Свернуть",
        "ui.sys.minimize.help": "Вернуть блок к обычному размеру",
        "ui.sys.screenshot.title": "Снимок экрана",
        "ui.sys.screenshot.help": "Сохранить снимок текущего экрана в SVG",
    }
)
