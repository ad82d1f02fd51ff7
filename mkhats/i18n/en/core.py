"""English messages: general words and input errors shared by every area."""

MESSAGES = {
    "app.name": "mkhats",
    "error.number": "{field}: “{value}” is not a number (write 1234.5 or 1,234.5).",
    "error.number.groups": "{field}: in “{value}” every group of thousands must have three digits.",
    "error.number.mixed": "{field}: “{value}” mixes two kinds of thousands separators.",
    "error.number.marks": "{field}: “{value}” has more than one decimal mark, or a separator after it.",
    "error.date_format": "“{value}” is not a date (write YYYY-MM-DD or DD.MM.YYYY).",
    "error.week_format": "“{value}” is not a week (write YYYY-Www, e.g. 2026-W48).",
    "error.week_missing": "Week {value} does not exist in that year.",
    # Dates (CLDR's abbreviations, as pendulum has them; a test keeps them equal).
    "date.day_month_year": "{day} {month} {year}",
    "date.day_month": "{day} {month}",
    **{
        f"date.month.{n}": name
        for n, name in enumerate(
            ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
        )
    },
    **{f"date.weekday.{n}": name for n, name in enumerate(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"), 1)},
}
