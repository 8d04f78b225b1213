"""Who a contest participant is: one canonical phone number and one canonical email.

A participant may enter a contest once (the unique constraints on
``ContestEntry``), so every spelling of one number must reach the database as
the same string, and the rule must have one home: this module. The entry form
calls it to check and to tell the reader what is wrong; the model's ``save``
calls it so nothing else (the admin, a script, an import) stores another form.

Phone numbers are Vietnamese only, kept in the national form, ``0`` and 9 or 10
digits: mobiles ``03``, ``05``, ``07``, ``08``, ``09`` + 8 digits (10 in all),
landlines ``02`` + area code + subscriber (11 in all). Accepted spellings:

- decimal digits of any script, mixed or not (ASCII, fullwidth, Arabic-Indic:
  ``0٩١٢٣٤٥٦٧٨`` was typed by a real participant): NFKC first, then each
  character's decimal value, since NFKC leaves Arabic-Indic digits alone;
- separators: spaces, ``.``, ``-``, ``(``, ``)``;
- the country code ``+84``, ``84`` or ``0084``, with or without the trunk ``0``
  after it (``+84 (0) 912 345 678``).

Anything else (letters of any script, such as a Latin ``O`` for a zero or a
Cyrillic ``З`` for a three, symbols, another country code, a wrong length or
prefix) is refused with the reason.

Emails: surrounding spaces removed and the whole address lower-cased. The
domain is case-insensitive by standard; the local part is not by the letter of
RFC 5321, but no provider our readers use treats ``An@`` and ``an@`` as two
mailboxes, and a reader typing it twice would otherwise enter twice. Gmail's
dots and ``+tags`` are *not* collapsed: for most providers ``an.nguyen@`` and
``annguyen@`` are two people, and telling Gmail apart by domain would miss
Google Workspace domains anyway; the phone number is the stronger key.
"""

from __future__ import annotations

import re
import unicodedata

from django.utils.translation import gettext_lazy as _

SEPARATORS = frozenset(" .-()")
MOBILE = re.compile(r"^0[35789]\d{8}$")
LANDLINE = re.compile(r"^02\d{9}$")
# Longer than any spelling of a valid number (separators included): refused unread.
RAW_MAX = 40

NOT_DIGITS = _(
    "Số điện thoại không hợp lệ: chỉ gồm chữ số, có thể có dấu cách, dấu chấm, gạch ngang, "
    "ngoặc đơn và +84 ở đầu."
)
FOREIGN = _("Số điện thoại không hợp lệ: chỉ nhận số Việt Nam, bắt đầu bằng 0 hoặc +84.")
SHAPE = _(
    "Số điện thoại không hợp lệ: số di động có 10 chữ số (bắt đầu bằng 03, 05, 07, 08, 09), "
    "số cố định có 11 chữ số (bắt đầu bằng 02)."
)


class InvalidPhone(ValueError):
    """Not a Vietnamese phone number; ``message`` says why, for the reader."""

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def _digits(text: str) -> tuple[bool, str]:
    """(a leading plus, the ASCII digits) of ``text``, separators dropped."""
    plus, digits = False, []
    for i, ch in enumerate(text):
        value = unicodedata.decimal(ch, None)
        if value is not None:
            digits.append(str(value))
        elif ch == "+" and i == 0:
            plus = True
        elif ch in SEPARATORS or ch.isspace():
            continue
        else:
            raise InvalidPhone(NOT_DIGITS)
    return plus, "".join(digits)


def normalize_phone(value: str) -> str:
    """``value`` as ``0912345678`` (national form, ASCII digits); ``""`` for blank.

    Raises :class:`InvalidPhone` for what is not a Vietnamese phone number.
    Idempotent: a canonical number is its own normal form."""
    text = unicodedata.normalize("NFKC", value or "").strip()
    if not text:
        return ""
    if len(text) > RAW_MAX:
        raise InvalidPhone(SHAPE)
    plus, digits = _digits(text)
    if plus or digits.startswith(("84", "0084")):
        if plus and not digits.startswith("84"):
            raise InvalidPhone(FOREIGN)
        subscriber = digits.removeprefix("00").removeprefix("84")
        # "+84 (0) 912…": the trunk zero some write after the country code.
        national = "0" + subscriber.removeprefix("0")
    elif digits.startswith("00"):
        raise InvalidPhone(FOREIGN)  # an international prefix to another country
    else:
        national = digits
    if not (MOBILE.match(national) or LANDLINE.match(national)):
        raise InvalidPhone(SHAPE)
    return national


def is_phone(value: str) -> bool:
    try:
        return bool(normalize_phone(value))
    except InvalidPhone:
        return False


def normalize_email(value: str) -> str:
    """``value`` without surrounding spaces, NFC, lower-cased (see the module's note)."""
    return unicodedata.normalize("NFC", value or "").strip().lower()
