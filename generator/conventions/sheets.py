"""Sheet names of the figure files baocao writes (baocao figures, build --so-lieu) and reads back (a roll-up)."""

IDENTITY_SHEET = "Thông tin"  # the report's identity, a key a row
FIGURES_SHEET = "Số liệu"  # the figures, in so_lieu_tu's default layout
