package io.repdesk.prevent;

import java.util.List;
import java.util.Locale;

/** Writes a need's evidence as CSV tables and as a Markdown brief for an engineering issue. */
public final class EvidenceExport {

    private EvidenceExport() {
    }

    /** The environment values over-represented among affected customers, one per row. */
    public static String attributesCsv(Evidence e) {
        StringBuilder out = new StringBuilder("field,value,affected_customers,affected_share,all_customers,"
                + "base_share,lift,z,p_value,significant,test_environments\n");
        for (Overrepresentation o : e.overrepresented()) {
            out.append(String.join(",", List.of(cell(o.field()), cell(o.value()), Long.toString(o.affected()),
                    number(o.affectedShare()), Long.toString(o.base()), number(o.baseShare()), number(o.lift()),
                    number(o.z()), String.format(Locale.ROOT, "%.3g", o.pValue()), Boolean.toString(o.significant()),
                    cell(String.join("; ", o.testEnvironments()))))).append('\n');
        }
        return out.toString();
    }

    /** Contacts and distinct customers per week. */
    public static String weeklyCsv(Evidence e) {
        StringBuilder out = new StringBuilder("week,contacts,customers\n");
        e.weekly().forEach(w -> out.append(w.week()).append(',').append(w.contacts()).append(',')
                .append(w.customers()).append('\n'));
        return out.toString();
    }

    /** The upgrade warnings: the new version's rate of affected customers against the product's other versions. */
    public static String upgradeWarningsCsv(Evidence e) {
        StringBuilder out = new StringBuilder("product,platform,version,previous_version,affected_customers,"
                + "customers,rate,others_affected,others_customers,others_rate,lift,z,p_value\n");
        for (UpgradeWarning w : e.upgradeWarnings()) {
            out.append(String.join(",", List.of(cell(w.product() == null ? "" : w.product()),
                    cell(w.platform() == null ? "" : w.platform()), cell(w.version()), cell(w.previousVersion()),
                    Long.toString(w.affected()), Long.toString(w.customers()), number(w.rate()),
                    Long.toString(w.othersAffected()), Long.toString(w.othersCustomers()), number(w.othersRate()),
                    w.lift() == null ? "" : number(w.lift()), number(w.z()),
                    String.format(Locale.ROOT, "%.3g", w.pValue())))).append('\n');
        }
        return out.toString();
    }

    /** A brief an engineer can paste into an issue: the numbers, the suspects, the customers' words. */
    public static String markdown(Evidence e) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(e.need().title()).append("\n\n");
        md.append(String.format(Locale.ROOT, "- **Volume:** %d contacts in %d cases from %d customers in %d "
                + "organizations%n", e.contacts(), e.cases(), e.customers(), e.organizations()));
        md.append(String.format(Locale.ROOT, "- **Last week:** %d contacts against a baseline of %.1f per week%s%n",
                e.trend().lastWeek(), e.trend().baseline(), e.trend().spike() ? " (spike)" : ""));
        md.append(String.format(Locale.ROOT, "- **Handling cost:** %s %s (%d agent minutes)%n", e.cost().amount(),
                e.cost().currency(), e.cost().minutes()));
        md.append("- **Repeat contacts:** ").append(e.repeatContacts()).append('\n');
        if (e.medianResolution() != null) {
            md.append(String.format(Locale.ROOT, "- **Median time to resolution:** %.1f hours%n",
                    e.medianResolution().toMinutes() / 60.0));
        }
        md.append("\n## Over-represented among affected customers\n\n");
        if (e.significant().isEmpty()) {
            md.append("No environment value is significantly over-represented.\n");
        } else {
            md.append("| field | value | affected | all customers | lift | p-value | test environments |\n");
            md.append("|---|---|---|---|---|---|---|\n");
            for (Overrepresentation o : e.significant()) {
                md.append(String.format(Locale.ROOT, "| %s | %s | %.0f%% | %.0f%% | %.1f | %.2g | %s |%n",
                        o.fieldLabel(), o.value(), o.affectedShare() * 100, o.baseShare() * 100, o.lift(),
                        o.pValue(), o.untested() ? "none" : String.join(", ", o.testEnvironments())));
            }
        }
        e.testGaps().forEach(g -> md.append("\n> ").append(g).append('\n'));
        upgradeWarnings(e, md);
        if (e.need().workaround() != null) {
            md.append("\n## Workaround\n\n").append(e.need().workaround()).append('\n');
        }
        if (!e.verbatims().isEmpty()) {
            md.append("\n## In the customers' words\n\n");
            e.verbatims().forEach(v -> md.append("> ").append(v.text().replace("\n", "\n> ")).append("\n\n"));
        }
        if (e.handoff() != null && e.handoff().issueUrl() != null) {
            md.append("\nEngineering issue: ").append(e.handoff().issueUrl()).append('\n');
        }
        return md.toString();
    }

    private static void upgradeWarnings(Evidence e, StringBuilder md) {
        if (e.upgradeWarnings().isEmpty()) {
            return;
        }
        md.append("\n## Early warning for upgrades\n\n");
        md.append("| product | new version | affected on it | previous version | affected on other versions | lift |"
                + " p-value |\n|---|---|---|---|---|---|---|\n");
        for (UpgradeWarning w : e.upgradeWarnings()) {
            md.append(String.format(Locale.ROOT, "| %s | %s | %d of %d (%.1f%%) | %s | %d of %d (%.1f%%) | %s | %.2g |%n",
                    w.product() == null ? "any" : w.product(), w.label(), w.affected(), w.customers(),
                    w.rate() * 100, w.previousLabel(), w.othersAffected(), w.othersCustomers(), w.othersRate() * 100,
                    w.lift() == null ? "none affected elsewhere" : String.format(Locale.ROOT, "%.1f", w.lift()),
                    w.pValue()));
        }
        md.append("\nCustomers on the previous versions are about to upgrade: a proactive notice can warn them first.\n");
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
