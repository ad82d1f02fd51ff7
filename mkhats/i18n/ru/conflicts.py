"""Russian messages: conflicts (segregation of duties)."""

MESSAGES: dict = {
    "conflict.checker_wears_hat": (
        "{person} носит шляпу «{hat}» и поэтому не может проверять этот конфликт: "
        "проверка должна исходить от того, кто не носит ни одну из двух шляп."
    ),
    "conflict.checker_wears_both": (
        "{person} носит обе шляпы, «{hat}» и «{other}», и поэтому не может проверять этот "
        "конфликт: проверка должна исходить от того, кто не носит ни одну из них."
    ),
    "conflict.unknown_pair": "Правила конфликта для пары {a} × {b} нет; есть правила: {pairs}.",
}
