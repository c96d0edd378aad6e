"""Organisations created before values existed get the five defaults of DESIGN.md §1 (as new ones do)."""

from django.db import migrations

# A copy, not an import: a migration must keep working when the service changes.
DEFAULT_VALUES = (
    ("Klantzorg", "customer", "De klant merkt dat we er voor hem zijn, ook als het lastig wordt."),
    ("Doorlooptijd", "lead_time", "Een vraag is snel en in één keer geholpen, wie hem ook oppakt."),
    ("Ketensamenwerking", "collaboration", "We helpen elkaar over de grenzen van pakket en team heen."),
    ("Kwaliteit", "quality", "Goed in één keer: geen herstelwerk, geen tweede bezoek."),
    ("Leren en innoveren", "learning", "We worden elk jaar beter in ons vak en in hoe we samenwerken."),
)


def add_default_values(apps, schema_editor):  # type: ignore[no-untyped-def]
    Organisation = apps.get_model("orgs", "Organisation")
    Value = apps.get_model("goals", "Value")
    for organisation in Organisation.objects.all():
        if Value.objects.filter(organisation=organisation).exists():
            continue
        Value.objects.bulk_create(
            Value(organisation=organisation, name=name, kind=kind, description=description, position=index)
            for index, (name, kind, description) in enumerate(DEFAULT_VALUES)
        )


class Migration(migrations.Migration):
    dependencies = [("goals", "0001_add_values_goals_indicators_measurements"), ("orgs", "0001_add_organisations_teams_people_memberships")]

    operations = [migrations.RunPython(add_default_values, migrations.RunPython.noop)]
