"""``Event`` JSON-LD for an event's page (schema.org, as Google's event results read it)."""

from __future__ import annotations

from django.utils.text import Truncator

from exemplars.reader.structured_data import SCHEMA, absolute, exemplar_entity, iso, publisher


def event_jsonld(event, exemplars, url: str, request=None) -> dict:
    """``exemplars``: the published ones taking part (performers), honours prefetched."""
    place = {"@type": "Place", "name": event.place}
    address = {"@type": "PostalAddress", "addressCountry": "VN"}
    if event.locality_id:
        address["addressLocality"] = event.locality.name
    address["streetAddress"] = event.place
    place["address"] = address
    organizer = (
        {"@type": "GovernmentOrganization", "name": event.organizer_name}
        if event.organizer_name
        else publisher(request)
    )
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": event.title,
        "url": url,
        "startDate": iso(event.starts_at),
        "endDate": iso(event.ends_at),
        "eventStatus": f"{SCHEMA}/EventScheduled",
        "eventAttendanceMode": f"{SCHEMA}/OfflineEventAttendanceMode",
        "location": place,
        "organizer": organizer,
        "inLanguage": "vi",
    }
    if event.description:
        data["description"] = Truncator(event.description.strip()).chars(500)
    if exemplars:
        data["performer"] = [exemplar_entity(e, request) for e in exemplars]
    if event.registration_url:
        data["offers"] = {
            "@type": "Offer",
            "url": absolute(event.registration_url, request),
            "price": "0",
            "priceCurrency": "VND",
            "availability": f"{SCHEMA}/InStock",
        }
    return data
