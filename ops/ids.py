"""Row ids typed into forms and addresses: read only when they can be one."""

# The largest id a 64-bit integer column holds; beyond it the database refuses the query.
MAX_ID = 2**63 - 1
_MAX_ID_DIGITS = len(str(MAX_ID))


def row_id(text):
    """The id `text` names, or None: ASCII digits within a 64-bit column's range. The length is checked before
    converting, since int() refuses a string of thousands of digits with a ValueError."""
    if not (isinstance(text, str) and text.isascii() and text.isdigit() and len(text) <= _MAX_ID_DIGITS):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None
