import re

ORCID_ID_FORMAT = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
ORCID_URL = "https://orcid.org/"


def check_character(first_15_digits: str) -> str:
    total = 0
    for digit in first_15_digits:
        total = (total + int(digit)) * 2
    remainder = (12 - total % 11) % 11
    return "X" if remainder == 10 else str(remainder)


def problem(text: str) -> str | None:
    orcid_id = text.removeprefix(ORCID_URL)
    if not ORCID_ID_FORMAT.fullmatch(orcid_id):
        return "not of the form dddd-dddd-dddd-dddX"
    digits = orcid_id.replace("-", "")
    expected = check_character(digits[:15])
    if digits[15] != expected:
        return f"wrong check character, expected {expected}"
    return None


def is_valid_orcid(text: str) -> bool:
    return problem(text) is None


def main() -> None:
    examples = [
        "0000-0002-1825-0097",
        "0000-0002-1694-233X",
        "https://orcid.org/0000-0002-1825-0097",
        "0000-0002-1825-0098",
        "0000-0002-1825-009",
    ]
    width = max(len(example) for example in examples)
    print(f"{'ORCID iD':<{width}}  result")
    for example in examples:
        print(f"{example:<{width}}  {problem(example) or 'valid'}")


if __name__ == "__main__":
    main()
