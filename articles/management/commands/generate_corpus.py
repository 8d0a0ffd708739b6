"""Fill the wiki with a synthetic corpus of articles shaped like the seed, for search and load testing.

Each article takes the seed article's shape (its sections, block kinds and number of sentences) with text
written from templates about one technique applied to one condition in one population, so no two articles
share a title and each has words of its own to be found by. Taxonomy, sources (drawn from a shared
library, tiers T1–T3) and the share of LLM-tagged sentences vary from article to article. The seed itself
is imported first, so it is one of the N. Every article goes through `article_import`, the path real
articles take, so the search index and stored pages are built as in production. The same --seed gives the
same corpus.
"""

import copy
import random
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from articles.importing import article_import
from articles.models import Article
from articles.text_format import parse_article

SEED_FILE = Path(settings.BASE_DIR) / "fixtures" / "articles" / "self-compassion.md"

# technique: (family, type, three components)
TECHNIQUES = {
    "Cognitive Behavioural Therapy": (
        "Cognitive-behavioural approaches",
        "therapy model",
        ["cognitive restructuring", "thought records", "behavioural experiments"],
    ),
    "Behavioural Activation": (
        "Behavioural approaches",
        "intervention",
        ["activity scheduling", "values clarification", "avoidance monitoring"],
    ),
    "Exposure and Response Prevention": (
        "Behavioural approaches",
        "technique",
        ["graded exposure hierarchy", "ritual prevention", "habituation"],
    ),
    "Acceptance and Commitment Therapy": (
        "Third-wave approaches",
        "therapy model",
        ["cognitive defusion", "committed action", "values work"],
    ),
    "Dialectical Behaviour Therapy": (
        "Third-wave approaches",
        "therapy model",
        ["distress tolerance", "chain analysis", "interpersonal effectiveness"],
    ),
    "Eye Movement Desensitisation and Reprocessing": (
        "Trauma-focused approaches",
        "therapy model",
        ["bilateral stimulation", "target memory", "resource installation"],
    ),
    "Mindfulness-Based Cognitive Therapy": (
        "Third-wave approaches",
        "intervention",
        ["body scan", "three-minute breathing space", "decentering"],
    ),
    "Interpersonal Psychotherapy": (
        "Psychodynamic and interpersonal approaches",
        "therapy model",
        ["role transitions", "interpersonal inventory", "grief work"],
    ),
    "Motivational Interviewing": (
        "Motivational approaches",
        "technique",
        ["change talk", "decisional balance", "reflective listening"],
    ),
    "Schema Therapy": (
        "Integrative approaches",
        "therapy model",
        ["limited reparenting", "schema modes", "chair work"],
    ),
    "Problem-Solving Therapy": (
        "Cognitive-behavioural approaches",
        "intervention",
        ["problem definition", "brainstorming solutions", "action planning"],
    ),
    "Cognitive Processing Therapy": (
        "Trauma-focused approaches",
        "therapy model",
        ["stuck points", "impact statement", "Socratic questioning"],
    ),
    "Prolonged Exposure": (
        "Trauma-focused approaches",
        "therapy model",
        ["imaginal exposure", "in vivo exposure", "processing of hotspots"],
    ),
    "Emotion-Focused Therapy": (
        "Humanistic approaches",
        "therapy model",
        ["emotion coaching", "empty-chair dialogue", "primary adaptive emotion"],
    ),
    "Metacognitive Therapy": (
        "Cognitive-behavioural approaches",
        "therapy model",
        ["attention training", "detached mindfulness", "worry postponement"],
    ),
    "Family-Based Treatment": (
        "Family and systemic approaches",
        "intervention",
        ["parental refeeding", "externalising the illness", "family meals"],
    ),
    "Parent-Child Interaction Therapy": (
        "Family and systemic approaches",
        "intervention",
        ["child-directed interaction", "labelled praise", "time-out procedures"],
    ),
    "Mentalization-Based Treatment": (
        "Psychodynamic and interpersonal approaches",
        "therapy model",
        ["not-knowing stance", "affect focus", "mentalizing the relationship"],
    ),
    "Narrative Exposure Therapy": (
        "Trauma-focused approaches",
        "intervention",
        ["lifeline exercise", "testimony", "chronological narration"],
    ),
    "Cognitive Behavioural Therapy for Insomnia": (
        "Cognitive-behavioural approaches",
        "intervention",
        ["sleep restriction", "stimulus control", "sleep diary"],
    ),
    "Habit Reversal Training": (
        "Behavioural approaches",
        "technique",
        ["awareness training", "competing response", "social support"],
    ),
    "Contingency Management": (
        "Behavioural approaches",
        "intervention",
        ["voucher incentives", "verified abstinence", "escalating rewards"],
    ),
    "Solution-Focused Brief Therapy": (
        "Humanistic approaches",
        "technique",
        ["miracle question", "scaling questions", "exceptions"],
    ),
    "Imagery Rescripting": (
        "Cognitive-behavioural approaches",
        "technique",
        ["early memory imagery", "rescripting the ending", "adult self entering"],
    ),
    "Relaxation Training": (
        "Behavioural approaches",
        "technique",
        ["progressive muscle relaxation", "diaphragmatic breathing", "cue-controlled relaxation"],
    ),
    "Social Skills Training": (
        "Behavioural approaches",
        "intervention",
        ["role play", "modelling", "corrective feedback"],
    ),
    "Safety Planning Intervention": (
        "Crisis approaches",
        "intervention",
        ["warning signs", "means restriction", "crisis contacts"],
    ),
    "Attention Bias Modification": (
        "Cognitive-behavioural approaches",
        "technique",
        ["dot-probe training", "threat disengagement", "computerised sessions"],
    ),
    "Psychoeducation": (
        "Supportive approaches",
        "intervention",
        ["illness model", "early warning signs", "relapse signature"],
    ),
    "Exercise Therapy": (
        "Lifestyle approaches",
        "intervention",
        ["aerobic sessions", "graded activity", "adherence support"],
    ),
    "Cognitive Remediation": (
        "Neurocognitive approaches",
        "intervention",
        ["drill and practice", "strategy coaching", "bridging groups"],
    ),
    "Group Psychotherapy": (
        "Group approaches",
        "therapy model",
        ["group cohesion", "interpersonal feedback", "universality"],
    ),
}

# condition: three features a clinician would name
CONDITIONS = {
    "Major Depression": ["anhedonia", "low mood", "psychomotor slowing"],
    "Generalised Anxiety": ["uncontrollable worry", "muscle tension", "intolerance of uncertainty"],
    "Panic Disorder": ["panic attacks", "interoceptive fear", "agoraphobic avoidance"],
    "Social Anxiety": ["fear of negative evaluation", "safety behaviours", "post-event processing"],
    "Obsessive-Compulsive Disorder": ["intrusive thoughts", "checking rituals", "contamination fears"],
    "Post-Traumatic Stress": ["flashbacks", "hypervigilance", "trauma-related avoidance"],
    "Chronic Insomnia": ["sleep-onset difficulty", "night waking", "daytime fatigue"],
    "Bulimia Nervosa": ["binge-purge cycles", "shape and weight concern", "dietary restraint"],
    "Anorexia Nervosa": ["restrictive eating", "low body weight", "fear of weight gain"],
    "Binge-Eating Disorder": ["loss-of-control eating", "eating in secret", "post-binge distress"],
    "Borderline Personality Disorder": ["emotional instability", "fear of abandonment", "impulsive self-harm"],
    "Bipolar Disorder": ["manic episodes", "depressive relapse", "disrupted circadian rhythm"],
    "Early Psychosis": ["hallucinations", "persecutory ideas", "social withdrawal"],
    "Chronic Pain": ["pain catastrophising", "activity avoidance", "pain-related disability"],
    "Health Anxiety": ["reassurance seeking", "body checking", "misinterpreted sensations"],
    "Alcohol Use Disorder": ["craving", "heavy drinking days", "withdrawal symptoms"],
    "Opioid Use Disorder": ["opioid craving", "overdose risk", "lapse after detoxification"],
    "Gambling Disorder": ["chasing losses", "gambling urges", "financial harm"],
    "ADHD": ["inattention", "impulsivity", "time-management difficulty"],
    "Prolonged Grief": ["yearning for the deceased", "identity disruption", "avoidance of reminders"],
    "Perinatal Depression": ["postnatal low mood", "bonding difficulty", "maternal guilt"],
    "Occupational Burnout": ["emotional exhaustion", "cynicism", "reduced efficacy"],
    "Self-Harm": ["non-suicidal self-injury", "urges to cut", "emotional numbing"],
    "Suicidal Ideation": ["hopelessness", "entrapment", "suicidal crises"],
    "Tic Disorders": ["motor tics", "premonitory urges", "tic suppression"],
    "Trichotillomania": ["hair pulling", "tension before pulling", "bald patches"],
    "Specific Phobia": ["phobic fear", "anticipatory anxiety", "escape behaviour"],
    "Hoarding Disorder": ["difficulty discarding", "excessive acquiring", "cluttered living spaces"],
    "Body Dysmorphic Disorder": ["appearance preoccupation", "mirror checking", "camouflaging"],
    "Loneliness": ["perceived isolation", "social disconnection", "unmet belonging needs"],
    "Perfectionism": ["unrelenting standards", "fear of failure", "procrastination"],
    "Anger Problems": ["irritability", "aggressive outbursts", "hostile attributions"],
}

POPULATIONS = {
    "Adults": "adult outpatients",
    "Adolescents": "adolescents aged 12 to 17",
    "Children": "primary-school children",
    "Older Adults": "adults over 65",
    "University Students": "university students",
    "Veterans": "military veterans",
    "Healthcare Workers": "nurses and physicians",
    "Refugees": "refugees and asylum seekers",
    "Primary Care Patients": "patients seen in general practice",
    "Inpatients": "people on acute inpatient wards",
}

DISCIPLINES = [
    "Clinical psychology",
    "Health psychology",
    "Child and adolescent psychology",
    "Counselling psychology",
    "Neuropsychology",
    "Community psychology",
]

AUTHORS = [
    "Ahmed, S.",
    "Bauer, L.",
    "Chen, M.",
    "Diaz, R.",
    "Eriksen, T.",
    "Fischer, A.",
    "Gupta, N.",
    "Hughes, P.",
    "Ito, K.",
    "Jones, E.",
    "Kowalski, J.",
    "Lindqvist, H.",
    "Moreau, C.",
    "Nkosi, T.",
    "Okafor, B.",
    "Peters, D.",
    "Quinn, F.",
    "Rossi, G.",
    "Silva, V.",
    "Tanaka, Y.",
]

# Sentence templates per seed heading; {t} technique, {c} condition (lower case), {p} population phrase,
# {k1}-{k3} the technique's components, {f1}-{f3} the condition's features, {a} an author.
TEMPLATES = {
    "": ["A diagram of how {t} targets {f1} and {f2} through {k1}, {k2} and {k3}."],
    "Type & Discipline": [
        "{t} for {c} is a structured psychological treatment used with {p}.",
        "It targets {f1}, {f2} and {f3} through {k1} and {k2}.",
        "Clinically, it belongs to the family of {fam} and is delivered by trained clinicians.",
        "Because {f1} maintains {c}, the approach treats it as a central process to change.",
        "It is usually offered in individual sessions, although group formats exist for {p}.",
    ],
    "Creators & Lineage": [
        "The adaptation of {t} for {c} was described by {a} and colleagues.",
        "Its roots lie in earlier work on {k1} and on learning models of {f1}.",
        "Later trials refined {k2} for {p}, adding booster sessions and measurement.",
        "The model draws on research into {f2} and how it keeps {c} going.",
        "Manualised protocols made it possible to test the approach across services.",
    ],
    "Core Principles": [
        "The first principle is that {f1} is maintained by what the person does to avoid it.",
        "{k1} helps the client notice and test the beliefs behind {f2}.",
        "{k2} builds new learning that competes with old patterns of {f3}.",
        "{k3} consolidates change so that gains generalise outside the session.",
        "Collaboration and shared formulation keep {p} engaged in treatment.",
        "Measurement of {f1} at every session guides the pace of the work.",
        "The therapist models curiosity rather than judgement about setbacks.",
        "Change is expected to be gradual, with early gains predicting later ones.",
        "Homework between sessions is where most new learning about {c} happens.",
        "The approach is transdiagnostic in its methods even when the target is {c}.",
        "Relapse prevention begins early by naming the warning signs of {f2}.",
    ],
    "Interventions & Techniques": [
        "{k1} is introduced in the first sessions with a worked example.",
        "{k2} asks the client to practise between sessions and record what happened.",
        "{k3} is added once {f1} has begun to ease.",
        "Clinicians tailor the pace of {k2} to the distress the client can tolerate.",
        "A brief daily practice of {k1} supports generalisation for {p}.",
        "A client with {c} practises {k1} after noticing {f1} at work.",
    ],
    "Evidence Base": [
        "Randomised trials of {t} for {c} report moderate reductions in {f1}.",
        "A meta-analysis by {a} found effects maintained at twelve-month follow-up.",
        "Effects on {f2} are smaller and less consistent across studies.",
        "Trials with {p} remain fewer than trials with general adult samples.",
        "Dropout is comparable to other active treatments for {c}.",
        "Mechanism studies suggest change in {f1} precedes change in overall symptoms.",
        "Comparisons with medication show similar short-term outcomes for {c}.",
        "Evidence quality is limited by small samples and waitlist controls.",
        "Implementation studies show benefits in routine services, though smaller than in trials.",
    ],
    "Populations & Indications": [
        "The approach is indicated for {p} presenting with {c}.",
        "It suits clients whose difficulties centre on {f1} and {f2}.",
        "Adaptations exist for people with co-occurring anxiety and depression.",
        "Cultural adaptation improves engagement for {p} from minority communities.",
        "It can be delivered remotely when travel to the clinic is a barrier.",
        "Shorter formats are used in primary care and student counselling services.",
        "Family involvement helps when {f3} affects the household.",
        "It is less suitable during acute crises, which need stabilisation first.",
        "Clinicians consider readiness for {k2} before starting.",
        "Clients with {f3} often need longer courses of treatment.",
    ],
    "Problems-for-Work": [
        "{f1} that resists earlier treatment is a common reason for referral.",
        "{f2} that limits work, study or relationships.",
        "{f3} that keeps {c} going despite the client's efforts.",
        "Avoidance that narrows the client's life.",
        "Low confidence in the ability to change.",
        "Relapse after a previous course of therapy.",
        "Conflict at home linked to {f1}.",
        "Sleep disruption that worsens {f2}.",
        "Shame about seeking help for {c}.",
        "Unclear goals that stall progress.",
    ],
    "Contraindications, Cautions & Cultural Humility": [
        "Active suicidal crises require a safety plan before {k2} begins.",
        "Severe substance misuse may need treatment first or alongside.",
        "{k2} can briefly raise distress, which clients should expect.",
        "Language and examples should fit the client's culture and values.",
        "For {p}, practical barriers such as cost and time shape attendance.",
        "Clinicians should check for medical causes of {f1}.",
        "Interpreters need briefing on the model's terms.",
        "Power differences in therapy deserve open discussion.",
        "Clients may hold different explanations of {c} that deserve respect.",
        "Supervision helps clinicians notice their own assumptions.",
        "Outcome measures may not be validated for every community.",
    ],
    "Treatment-Plan Suggestions & SMART Objectives": [
        "{k1} reducing {f1}",
        "{k2} reducing {f2}",
        "{k3} reducing {f3}",
        "Practice consolidating gains",
        "Monitoring maintaining change",
        "Family support reducing relapse",
        "Review of progress sustaining motivation",
    ],
    "Common Misconceptions": [
        "A common error is assuming {t} is only about positive thinking.",
        "Another is believing that {f1} must disappear before life can improve.",
        "Some expect {k2} to work in a single session, which trials do not support.",
        "It is not a replacement for medical care when {c} has physical causes.",
        "Treating the approach as a fixed script can overlook the client's goals.",
    ],
    "Training & Certification": [
        "Clinicians usually train in {t} through workshops followed by supervised cases.",
        "Accreditation bodies set standards for supervision hours and recorded sessions.",
        "Fidelity scales help supervisors rate how closely {k1} follows the protocol.",
        "Most therapists integrate the methods into existing practice with {p}.",
    ],
    "Key Terms": [
        "{k1} — a core method of {t} that addresses {f1}.",
        "{k2} — practice between sessions that builds new learning.",
        "{k3} — the step that consolidates change.",
        "{f1} — a central feature of {c}.",
        "{f2} — a maintaining process the treatment targets.",
        "{f3} — a feature linked to poorer outcomes.",
        "Formulation — the shared map of what keeps {c} going.",
    ],
    "Resources & Further Reading": [],
    "Reflective / Supervision Questions": [
        "When {f1} does not shift, which part of the formulation needs revisiting",
        "How do you pace {k2} for {p} who fear being overwhelmed",
        "What would tell you that {c} is improving beyond the questionnaire scores",
        "How might your own beliefs about {f2} shape the work",
        "When is it right to pause {t} and attend to safety first",
    ],
}

TIERS = ["T1", "T1", "T1", "T2", "T2", "T3", "T3", "T3"]


def _title(technique, condition, population):
    return f"{technique} for {condition} in {population}"


def _slugify(text):
    from django.utils.text import slugify

    return slugify(text)[:110]


def _library(rng):
    """A shared library of sources: articles draw from it, so sources repeat across articles as they do."""
    out = []
    for i in range(400):
        tier = rng.choice(TIERS)
        kind = {"T1": "article", "T2": "website", "T3": rng.choice(["website", "book", "video"])}[tier]
        out.append(
            {
                "authors": f"{rng.choice(AUTHORS)}, & {rng.choice(AUTHORS)}",
                "year": rng.randint(1995, 2025),
                "title": f"Synthetic source {i + 1}: a study of psychological treatment",
                "container": {"T1": "Journal of Synthetic Clinical Studies", "T2": "Example Practice Network"}.get(
                    tier, "Example Encyclopaedia"
                ),
                "url": f"https://example.org/sources/{i + 1}",
                "doi": "",
                "pmid": "",
                "isbn": "",
                "kind": kind,
                "tier": tier,
            }
        )
    return out


def generated_article(seed_data, library, rng, technique, condition, population):
    """Article data in the seed's shape about one technique for one condition in one population."""
    family, type_, components = TECHNIQUES[technique]
    features = CONDITIONS[condition]
    slots = {
        "t": technique,
        "c": condition.lower() if condition not in ("ADHD",) else condition,
        "p": POPULATIONS[population],
        "fam": family.lower(),
        "a": rng.choice(AUTHORS).split(",")[0],
        **{f"k{i + 1}": v for i, v in enumerate(components)},
        **{f"f{i + 1}": v for i, v in enumerate(features)},
    }
    sources = [copy.deepcopy(s) for s in rng.sample(library, rng.randint(6, 12))]
    if not any(s["kind"] == "video" for s in sources):
        sources[-1].update(kind="video", tier="T3", url=f"https://www.youtube.com/watch?v=example{rng.randint(1, 999)}")
    for number, source in enumerate(sources, start=1):
        source["number"] = number
    video_number = next(s["number"] for s in sources if s["kind"] == "video")
    llm_share = rng.choice([0.05, 0.15, 0.25, 0.35, 0.5, 0.7])

    def provenance():
        if rng.random() < llm_share:
            return "llm"
        return sorted(rng.sample(range(1, len(sources) + 1), rng.choice([1, 1, 1, 2])))

    def fill(template):
        text = template.format(**slots)
        return text[0].upper() + text[1:]

    sections = []
    for section in seed_data["sections"]:
        pool = TEMPLATES.get(section["heading"], TEMPLATES["Core Principles"])
        blocks, used = [], 0
        for block in section["blocks"]:
            kind = block["kind"]
            if kind == "video":
                blocks.append({"kind": "video", "video": video_number, "units": []})
                continue
            units = []
            for unit in block["units"]:
                text = fill(pool[used % len(pool)]) if pool else "Further reading on this treatment."
                used += 1
                new = {"text": text.rstrip(".?"), "provenance": provenance(), "end": unit.get("end", ".")}
                if kind == "key_terms":
                    term, _, definition = text.partition(" — ")
                    new.update(term=term, text=definition.rstrip("."))
                elif kind == "smart":
                    new.update(
                        goal=f"Reduce {features[used % 3]}",
                        objective=f"Over {rng.choice([4, 6, 8, 10])} weeks, client will practise "
                        f"{components[used % 3]} {rng.choice([2, 3, 4])} times a week, logged in a diary",
                        end="",
                    )
                elif kind == "questions":
                    new["end"] = "?"
                elif kind in ("figure", "example", "framing"):
                    new.update(provenance="llm", end="" if kind == "figure" else ".")
                units.append(new)
            if kind == "figure":
                # No image of its own: the caption becomes the opening paragraph.
                kind = "paragraph"
            blocks.append({"kind": kind, "units": units})
        sections.append({"heading": section["heading"], "blocks": blocks})
    title = _title(technique, condition, population)
    return {
        "slug": _slugify(title),
        "title": title,
        "lead": fill(
            "{t} for {c} in {p} is a structured treatment that targets {f1} and {f2} through {k1} and {k2}, "
            "with evidence from randomised trials and routine services."
        ),
        "type": type_,
        "discipline": rng.choice(DISCIPLINES),
        "family": family,
        "status": "published",
        "version": "1.0",
        "generating_model": "corpus-generator",
        "generated_on": "2026-01-02",
        "see_also": [],
        "sections": sections,
        "sources": sources,
    }


def corpus_topics(count, seed):
    """`count` distinct (technique, condition, population) triples, the same ones for the same seed."""
    rng = random.Random(seed)
    triples = [(t, c, p) for t in TECHNIQUES for c in CONDITIONS for p in POPULATIONS]
    rng.shuffle(triples)
    return triples[:count]


class Command(BaseCommand):
    help = (
        "Generate a corpus of N published articles shaped like the seed (the seed among them), with varied "
        "taxonomy, sources and provenance mixes; existing articles are left as they are."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int, help="How many articles the wiki should hold, the seed included.")
        parser.add_argument("--seed", type=int, default=7, help="Random seed: the same seed gives the same corpus.")

    def handle(self, *args, count, seed, **options):
        limit = len(TECHNIQUES) * len(CONDITIONS) * len(POPULATIONS) + 1
        if not 1 <= count <= limit:
            raise CommandError(f"count must be between 1 and {limit}.")
        seed_data, _ = parse_article(SEED_FILE.read_text(encoding="utf-8"), SEED_FILE.name)
        _, outcome = article_import(data=copy.deepcopy(seed_data), if_absent=True)
        existing = set(Article.objects.values_list("slug", flat=True))
        rng = random.Random(seed)
        library = _library(rng)
        created = int(outcome == "created")
        for i, (technique, condition, population) in enumerate(corpus_topics(count - 1, seed), start=1):
            data = generated_article(seed_data, library, rng, technique, condition, population)
            if data["slug"] in existing:
                continue
            article_import(data=data)
            created += 1
            if i % 100 == 0:
                self.stdout.write(f"{i} of {count - 1} generated articles")
        self.stdout.write(f"Created {created} articles; the wiki now has {Article.objects.count()}.")
