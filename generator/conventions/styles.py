"""The Word styles the writer gives each kind of paragraph, by the names of the built-in template (Word matches
built-in style names without regard to case); the HTML preview reads the same styles from the template in use."""

STYLE_NAMES = {
    "body": "Normal",
    "closing": "Normal",
    "subhead": "Normal",
    "bullet": "Gạch đầu dòng",
    "subbullet": "Dấu cộng",
    "note": "Footnote Text",
    "note_ref": "Footnote Reference",
    "cell": "Bảng",
    "table": "Table Grid",
}
HEADING_STYLES = tuple(f"Heading {level}" for level in range(1, 6))
