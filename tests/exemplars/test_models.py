import datetime as dt
import unicodedata

import pytest
from django.core.exceptions import ValidationError

from exemplars.models import Campaign, Exemplar, Locality, Stage, Status
from tests.factories import make_campaign, make_exemplar, make_locality, make_story

pytestmark = pytest.mark.django_db


class TestCampaign:
    def test_status_is_derived_from_the_period(self):
        campaign = make_campaign(start_year=2021, end_year=2025)
        assert campaign.status_on(dt.date(2020, 12, 31)) == Status.UPCOMING
        assert campaign.status_on(dt.date(2021, 1, 1)) == Status.RUNNING
        assert campaign.status_on(dt.date(2025, 12, 31)) == Status.RUNNING
        assert campaign.status_on(dt.date(2026, 1, 1)) == Status.ENDED

    def test_open_ended_campaign_keeps_running(self):
        campaign = make_campaign(
            "Cán bộ thi đua thực hiện văn hóa công sở", start_year=2019, end_year=None
        )
        assert campaign.status_on(dt.date(2040, 1, 1)) == Status.RUNNING
        assert campaign.period == "từ 2019"

    def test_status_is_not_a_column(self):
        assert "status" not in {f.name for f in Campaign._meta.get_fields()}

    def test_slug_folds_d_and_marks(self):
        campaign = make_campaign("Đẩy mạnh phát triển kết cấu hạ tầng đồng bộ, hiện đại")
        assert campaign.slug == "day-manh-phat-trien-ket-cau-ha-tang-dong-bo-hien-dai"

    def test_end_before_start_is_refused(self):
        campaign = Campaign(name="Sai", start_year=2025, end_year=2021)
        with pytest.raises(ValidationError):
            campaign.full_clean()

    def test_names_match_whatever_the_normalisation_or_case(self):
        campaign = make_campaign("Vì người nghèo - Không để ai bị bỏ lại phía sau")
        nfd = unicodedata.normalize("NFD", "VÌ NGƯỜI NGHÈO - KHÔNG ĐỂ AI BỊ BỎ LẠI PHÍA SAU")
        assert Campaign.find(nfd) == campaign


class TestLocality:
    def test_nfd_name_is_stored_nfc_and_found_either_way(self):
        loc = Locality.objects.create(name=unicodedata.normalize("NFD", "Châu Đốc"))
        assert loc.name == unicodedata.normalize("NFC", "Châu Đốc")
        assert Locality.find("châu đốc") == loc
        assert loc.slug == "chau-doc"

    def test_merged_locality_reaches_its_successor_and_back(self):
        new = make_locality("An Giang", kind="province")
        old_ag = make_locality("An Giang (cũ)", kind="province", successor=new, change="merged")
        old_kg = make_locality("Kiên Giang", kind="province", successor=new, change="merged")
        rach_gia = make_locality("Rạch Giá", kind="district", parent=old_kg)
        long_xuyen = make_locality("Long Xuyên", kind="district", parent=old_ag)

        assert old_kg.current() == new
        # A filter on the new province finds stories filed under the old ones.
        assert new in rach_gia.lineage()
        assert new in old_kg.lineage()
        # …and a filter on the old province finds stories filed under its successor.
        assert old_kg in new.lineage()
        # But merging does not make Long Xuyên part of Kiên Giang.
        assert old_kg not in long_xuyen.lineage()
        assert {loc.pk for loc in new.reach()} >= {old_ag.pk, old_kg.pk, rach_gia.pk, long_xuyen.pk}

    def test_succession_cycle_is_refused(self):
        a = make_locality("Xã A")
        b = make_locality("Xã B", successor=a)
        a.successor = b
        with pytest.raises(ValidationError):
            a.full_clean()


class TestExemplar:
    def test_advancing_a_stage_records_who_and_when(self, django_user_model):
        editor = django_user_model.objects.create_user("bientap")
        exemplar = make_exemplar("Hợp tác xã Tân Phú", kind=Exemplar.Kind.COLLECTIVE)
        exemplar.advance_to(Stage.NURTURED, user=editor, on=dt.date(2024, 3, 1))
        exemplar.refresh_from_db()
        assert exemplar.stage == Stage.NURTURED
        change = exemplar.stage_changes.get()
        assert (change.recorded_by, change.reached_on) == (editor, dt.date(2024, 3, 1))
        assert exemplar.stage_dates == {Stage.NURTURED: dt.date(2024, 3, 1)}


class TestStory:
    def test_story_lives_only_in_a_section(self, home):
        from exemplars.models import ExemplarHomePage, ExemplarStoryPage

        assert not ExemplarStoryPage.can_create_at(home)
        assert ExemplarHomePage.can_create_at(home) is False

    def test_published_at_defaults_to_first_publication(self, section):
        story = make_story(published_at=None)
        assert story.published_at is not None

    def test_imported_date_is_kept(self, section):
        original = dt.datetime(2022, 3, 15, 8, 30, tzinfo=dt.timezone(dt.timedelta(hours=7)))
        story = make_story(published_at=original)
        assert story.published_at == original
