"""Administrative levels (cấp) a unit may have, as a profile names them."""

COMMUNE = "xã"  # also the level an import gives a unit whose issuer lines do not tell
LEVELS = ("tỉnh", "thành phố", COMMUNE, "phường", "đặc khu", "huyện", "quận", "thị xã", "thị trấn", "cơ quan")
# Levels abolished by the two-tier reform of 01/7/2025 (Nghị quyết 203/2025/QH15).
DISTRICT_LEVELS = ("huyện", "quận", "thị xã", "thị trấn")
