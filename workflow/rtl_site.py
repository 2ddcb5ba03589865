"""A right-to-left language added to a site: Arabic, with enough content that every kind of page exists in it.

The demo content is in four left-to-right languages. The theme is written with logical CSS properties so that a
right-to-left language is one more line of `LANGUAGES`; these files give such a language two updates, a page,
tags, countries, a person and a partner of its own, so that the screenshots (`./dev screenshots`) and the browser
tests see every kind of page mirrored. The files name only each other (and countries, which need no file), so they
build beside any content; beside the demo's, the first update is a translation of one of its updates.
"""

import textwrap

ARABIC = {"name": "العربية", "locale": "ar", "dir": "rtl"}

FILES = {
    # The demo's `porto-alegre-floods` key: beside the demo, the language menu and hreflang links reach it.
    "updates/ar/rasm-khara-it-al-fayadanat-fi-porto-alegre.md": """
        ---
        title: رسم الخرائط من أجل الصمود أمام الفيضانات في بورتو أليغري
        date: 2024-07-18T09:00:00Z
        lang: ar
        translation_key: porto-alegre-floods
        persons: [Layla Haddad]
        partners: [Coastal Mapping Network]
        tags: [فيضانات, البرازيل]
        countries: [Brazil]
        summary: بعد الفيضانات التي طالت مليوني شخص في ريو غراندي دو سول، يرسم المتطوعون المحليون خرائط البنية
          التحتية الاجتماعية للتخطيط للتعافي.
        ---
        في أيار/مايو 2024، طالت الفيضانات في ولاية ريو غراندي دو سول نحو مليوني شخص. انتقلت الملاجئ والمراكز
        الصحية والمطابخ المجتمعية أو أُغلقت، وغاب كثير منها عن الخرائط.

        رسمت مجتمعات رسم الخرائط المحلية وطلاب الجامعات ومتطوعو الصليب الأحمر منذ ذلك الحين أكثر من
        **3200 مبنى** من مباني البنية التحتية الاجتماعية، ويتحققون الآن من البيانات مع جمعيات الأحياء.

        > «الخريطة هي أول ما نفتحه حين يطلب ملجأ إمدادات.»

        البيانات مفتوحة في OpenStreetMap، والملفات متاحة على منصة تبادل البيانات الإنسانية.
        """,
    # An update of the language's own; Latin names inside the Arabic text, as real updates have them.
    "updates/ar/warsha-al-bayanat-al-maftuha-fi-bamako.md": """
        ---
        title: ورشة البيانات المفتوحة في باماكو مع Field Mapping Tasking Manager
        date: 2023-10-02T08:00:00Z
        lang: ar
        persons: [Layla Haddad]
        partners: [Coastal Mapping Network]
        tags: [خرائط مفتوحة, طلاب]
        countries: [Mali]
        summary: تعلّم أربعون طالبًا استخدام بيانات OpenStreetMap لرسم خرائط نقاط المياه والمراكز الصحية.
        ---
        أمضى أربعون طالبًا أسبوعين في حصر **نقاط المياه والمراكز الصحية** في ثلاثة أحياء من باماكو، باستخدام
        Field Mapping Tasking Manager.

        - نقاط المياه: 412
        - المراكز الصحية: 37
        """,
    "pages/hawla.md": """
        ---
        title: عن المركز
        slug: hawla
        lang: ar
        translation_key: about
        ---
        يدعم المركز رسم الخرائط الإنسانية المفتوحة مع المجتمعات المحلية والشركاء مثل وكالات الأمم المتحدة
        والمنظمات غير الحكومية.
        """,
    "people/layla-haddad.md": """
        ---
        name: Layla Haddad
        role:
          en: Community coordinator, Middle East and North Africa
          ar: منسقة المجتمعات، الشرق الأوسط وشمال أفريقيا
        lang: ar
        ---
        تعمل ليلى مع مجتمعات OpenStreetMap في المنطقة على مشاريع رسم الخرائط الإنسانية.
        """,
    "partners/coastal-mapping-network.md": """
        ---
        name:
          en: Coastal Mapping Network
          ar: شبكة رسم خرائط السواحل
        short_name:
          en: CMN
        role:
          en: Volunteers who map coasts and flood plains
          ar: متطوعون يرسمون خرائط السواحل والسهول المعرضة للفيضانات
        url: https://example.org/
        lang: ar
        ---
        تجمع الشبكة متطوعين من مدن ساحلية عدة لرسم خرائط **المباني والطرق** في المناطق المعرضة للفيضانات.
        """,
}


def add_arabic(content, settings):
    """Write the Arabic files into the `content` folder; return a copy of `settings` (which must hold the site's
    LANGUAGES: the demo's four, or a test's own) whose LANGUAGES has Arabic too."""
    for relative, text in FILES.items():
        path = content / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return {**settings, "LANGUAGES": {**settings["LANGUAGES"], "ar": dict(ARABIC)}}
