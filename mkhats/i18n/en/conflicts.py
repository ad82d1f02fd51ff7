"""English messages: conflicts (segregation of duties)."""

from mkhats.i18n import Catalogue

MESSAGES: Catalogue = {
    "conflict.checker_wears_hat": (
        "{person} wears the {hat} hat, so cannot check this conflict: "
        "the check must come from someone who wears neither hat."
    ),
    "conflict.checker_wears_both": (
        "{person} wears both the {hat} and the {other} hats, so cannot check this conflict: "
        "the check must come from someone who wears neither hat."
    ),
    "conflict.unknown_pair": "There is no conflict rule for {a} × {b}; the rules are: {pairs}.",
}
