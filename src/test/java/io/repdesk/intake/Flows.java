package io.repdesk.intake;

import java.time.Instant;
import java.util.List;

import io.repdesk.shared.IntakeFlowId;

/** Intake flows for tests. */
public final class Flows {

    public static final String APP_VERSION_RATIONALE = "We ask for your app version because fixes ship in "
            + "versions: it tells us whether a fix already exists for you.";

    private Flows() {
    }

    /**
     * A mobile-app flow: platform (Android or iOS) and app version are required; on Android the Android
     * version is required too and the device model is optional; a screenshot is optional.
     */
    public static FlowDraft mobileApp(String category) {
        return new FlowDraft("Mobile app problem", category, null, List.of(
                Question.of("platform", "Which platform is the app on?", QuestionType.CHOICE, true,
                        "Android and iOS builds are different programs with different defects.", "Android", "iOS"),
                Question.of("app_version", "Which version of the app are you using?", QuestionType.VERSION, true,
                        APP_VERSION_RATIONALE),
                Question.of("android_version", "Which Android version is the phone on?", QuestionType.VERSION, true,
                        "Some defects only appear on older Android versions.").shownIf("platform", "Android"),
                Question.of("device_model", "Which phone model is it?", QuestionType.TEXT, false, null)
                        .shownIf("platform", "Android"),
                Question.of("screenshot", "Can you attach a screenshot of the error?", QuestionType.FILE, false,
                        "The exact wording of an error often points straight at its cause.")));
    }

    /** The draft as a stored first version, without a database. */
    public static IntakeFlow stored(FlowDraft draft) {
        FlowDraft valid = draft.validated();
        return new IntakeFlow(IntakeFlowId.random(), 1, valid.name(), valid.category(), valid.channel(),
                valid.questions(), Instant.parse("2026-11-01T10:00:00Z"), "admin");
    }

    /** A flow of just these questions. */
    public static FlowDraft of(Question... questions) {
        return new FlowDraft("Test flow", "test", null, List.of(questions));
    }
}
