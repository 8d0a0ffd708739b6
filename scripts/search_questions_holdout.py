"""HELD APART: clinical questions for judging search, written before the ranking was tuned and never tuned on.

Each is (question, slug of the article that answers it) against the corpus `manage.py generate_corpus 1000`
makes (its default --seed), which holds the seed article. `scripts/bench_search.py --holdout` reports how
often that article is among the first three results. Do not tune ranking on these: tune on the benchmark's
own query list, and add new held-apart questions instead of editing these.
"""

HOLDOUT = [
    # The seed article, asked about the way a clinician would.
    ("self-criticism in caregivers", "self-compassion"),
    ("how to help a client who is harsh with themselves after failure", "self-compassion"),
    ("Self-Compassion Scale subscales and scoring debate", "self-compassion"),
    ("Mindful Self-Compassion program training for therapists", "self-compassion"),
    ("backdraft when a client practises kindness toward themselves", "self-compassion"),
    ("common humanity versus isolation", "self-compassion"),
    ("is self-compassion the same as self-esteem", "self-compassion"),
    ("Kristin Neff three components", "self-compassion"),
    ("compassionate letter writing for caregiver burnout", "self-compassion"),
    # Generated articles, phrased as questions rather than titles.
    ("prolonged exposure for children with health anxiety", "prolonged-exposure-for-health-anxiety-in-children"),
    (
        "cognitive processing therapy for self-harm in children",
        "cognitive-processing-therapy-for-self-harm-in-children",
    ),
    (
        "interpersonal therapy for anger in adolescents",
        "interpersonal-psychotherapy-for-anger-problems-in-adolescents",
    ),
    (
        "group therapy for lonely patients in general practice",
        "group-psychotherapy-for-loneliness-in-primary-care-patients",
    ),
    (
        "dialectical behaviour therapy for psychosis in adults",
        "dialectical-behaviour-therapy-for-early-psychosis-in-adults",
    ),
    (
        "solution-focused therapy for insomnia in older adults",
        "solution-focused-brief-therapy-for-chronic-insomnia-in-older-adults",
    ),
    (
        "psychoeducation for loneliness among university students",
        "psychoeducation-for-loneliness-in-university-students",
    ),
    (
        "cognitive behavioural therapy for chronic pain in inpatients",
        "cognitive-behavioural-therapy-for-chronic-pain-in-inpatients",
    ),
    (
        "mindfulness-based cognitive therapy for binge eating in adolescents",
        "mindfulness-based-cognitive-therapy-for-binge-eating-disorder-in-adolescents",
    ),
    (
        "safety planning for adolescents with binge eating",
        "safety-planning-intervention-for-binge-eating-disorder-in-adolescents",
    ),
    (
        "mentalization-based treatment for alcohol problems in students",
        "mentalization-based-treatment-for-alcohol-use-disorder-in-university-students",
    ),
    (
        "behavioural activation for hoarding in university students",
        "behavioural-activation-for-hoarding-disorder-in-university-students",
    ),
    ("habit reversal for anger outbursts in inpatients", "habit-reversal-training-for-anger-problems-in-inpatients"),
    (
        "motivational interviewing for post-traumatic stress in older adults",
        "motivational-interviewing-for-post-traumatic-stress-in-older-adults",
    ),
    ("exercise for trichotillomania in children", "exercise-therapy-for-trichotillomania-in-children"),
    (
        "exposure and response prevention for suicidal ideation on inpatient wards",
        "exposure-and-response-prevention-for-suicidal-ideation-in-inpatients",
    ),
    (
        "acceptance and commitment therapy for bulimia in veterans",
        "acceptance-and-commitment-therapy-for-bulimia-nervosa-in-veterans",
    ),
    (
        "narrative exposure therapy for tics in adolescents",
        "narrative-exposure-therapy-for-tic-disorders-in-adolescents",
    ),
    (
        "attention bias modification for hair pulling in adults",
        "attention-bias-modification-for-trichotillomania-in-adults",
    ),
    ("prolonged exposure for binge eating in children", "prolonged-exposure-for-binge-eating-disorder-in-children"),
    (
        "exposure and response prevention for chronic pain in older adults",
        "exposure-and-response-prevention-for-chronic-pain-in-older-adults",
    ),
    (
        "narrative exposure therapy for burnout in adolescents",
        "narrative-exposure-therapy-for-occupational-burnout-in-adolescents",
    ),
    (
        "safety planning intervention for depression in adults",
        "safety-planning-intervention-for-major-depression-in-adults",
    ),
    (
        "cognitive behavioural therapy for anger in university students",
        "cognitive-behavioural-therapy-for-anger-problems-in-university-students",
    ),
    (
        "acceptance and commitment therapy for anger problems in older adults",
        "acceptance-and-commitment-therapy-for-anger-problems-in-older-adults",
    ),
]
