"""Which Natural Earth country a name in `countries:` means.

Updates name countries in English or in their own language ("Brazil", "Brasil", "Brésil"), in any case, with or
without accents ("Cote d'Ivoire"), or by ISO code ("BR", "BRA"). A name is compared with every name Natural Earth
gives a country, in English and in each of the site's languages, once folded: letters and digits only, no
accents, no case.
"""

import difflib
import unicodedata

# Natural Earth's fields, strongest first: a name one country has in a stronger group is never taken by another
# country's name in a weaker one ("Denmark" is Denmark, though Greenland's SOVEREIGNT is Denmark too).
NAMES = (
    "NAME",
    "NAME_LONG",
    "ADMIN",
    "GEOUNIT",
    "SUBUNIT",
    "BRK_NAME",
    "NAME_EN",
    "NAME_SORT",
    "NAME_CIAWF",
    "FORMAL_EN",
    "FORMAL_FR",
)
ALIASES = ("NAME_ALT", "ABBREV", "SOVEREIGNT")
CODES = ("ISO_A2_EH", "ISO_A3_EH", "ISO_A2", "ISO_A3", "ADM0_A3")
ID = "ADM0_A3"  # one per shape, never "-99" as ISO codes of disputed areas are


def fold(text):
    """ "Côte d'Ivoire" -> "cotedivoire": what two spellings of one name have in common."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("&", " and "))
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c)).casefold()


def name_field(lang):
    """Natural Earth's field of a country's name in a language: NAME_PT for "pt" (and "pt-BR")."""
    return f"NAME_{lang.replace('_', '-').split('-')[0].upper()}"


def language_fields(languages):
    """NAME_ES, NAME_FR... for the site's languages (and English, the updates' other language)."""
    return tuple(dict.fromkeys(name_field(code) for code in ("en", *languages)))


def spellings(value):
    """The names a field holds: NAME_ALT may list several ("Gitmo, GTMO"); "-99" and blanks are none."""
    if not isinstance(value, str) or value.strip() in ("", "-99"):
        return []
    return [part.strip() for part in value.replace("|", ",").split(",") if part.strip()]


class Countries:
    """Every country's folded names and codes -> its Natural Earth code (ADM0_A3)."""

    def __init__(self, records, languages):
        self.codes = {}
        self.english = {}  # code -> its English name, for "did you mean"
        groups = ((*NAMES, *language_fields(languages)), ALIASES, CODES)
        for fields in groups:
            for record in records:
                for field in fields:
                    for name in spellings(record.get(field)):
                        self.codes.setdefault(fold(name), record[ID])
        self.local = {}  # code -> {lang: its name in that language}
        for record in records:
            self.english[record[ID]] = record["NAME"]
            self.local[record[ID]] = {lang: record.get(name_field(lang)) for lang in ("en", *languages)}
        # Suggestions come from names, not from two- and three-letter codes.
        self._names = sorted(key for key in self.codes if len(key) > 3)

    @classmethod
    def fields(cls, languages):
        return (ID, *NAMES, *language_fields(languages), *ALIASES, *CODES)

    def find(self, name):
        """The country code of `name`, or None."""
        return self.codes.get(fold(name)) if fold(name) else None

    def find_entity(self, entity):
        """The country code of a directory entry (its slug or any name updates gave it), or None."""
        for spelling in entity.spellings():
            code = self.find(spelling)
            if code:
                return code
        return None

    def name(self, code, lang):
        """The country's name in `lang` ("Brasil" on a Spanish page, whichever way updates spelled it)."""
        return (self.local[code].get(lang) or "").strip() or self.english[code]

    def closest(self, name):
        """The English name of the country whose name is nearest `name`, or ""."""
        close = difflib.get_close_matches(fold(name), self._names, n=1, cutoff=0.75)
        return self.english[self.codes[close[0]]] if close else ""
