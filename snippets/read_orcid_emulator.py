import sys

import orcid
import orcid.orcid

# The guide's ORCID emulator (orcid-guide sandbox prints its address), or the one given on the command line.
EMULATOR = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8100"
EVA_DE_VRIES = "0000-0001-8204-5170"

# python-orcid 1.0.3 asks for API v2.0 unless told otherwise; ORCID and the emulator answer v3.0.
orcid.orcid.VERSION = "/v3.0"
orcid.orcid.SEARCH_VERSION = "/v3.0"

# The emulator's public demo client; only the base URLs differ from reading ORCID's sandbox.
api = orcid.PublicAPI("APP-PUBLICDEMO0000", "public-demo-secret", sandbox=True)
api._endpoint = EMULATOR
api._token_url = EMULATOR + "/oauth/token"

token = api.get_search_token_from_orcid()
record = api.read_record_public(EVA_DE_VRIES, "record", token)

name = record["person"]["name"]
print("Name:", name["given-names"]["value"], name["family-name"]["value"])
for group in record["activities-summary"]["employments"]["affiliation-group"]:
    job = group["summaries"][0]["employment-summary"]
    print("Employment:", job["role-title"], "at", job["organization"]["name"])
works = record["activities-summary"]["works"]["group"]
print("Public works:", len(works))
for group in works:
    print(" -", group["work-summary"][0]["title"]["title"]["value"])
