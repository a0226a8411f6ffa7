//! Word lists and sentence templates: everything else the text is made of (titles,
//! summaries, gists, abstracts, author names, blog items).

pub(crate) static ADJ: &[&str] = &[
    "efficient",
    "scalable",
    "robust",
    "generalizable",
    "controllable",
    "training-free",
    "unified",
    "lightweight",
    "interpretable",
    "self-improving",
    "data-efficient",
    "long-horizon",
    "fine-grained",
    "zero-shot",
    "open-vocabulary",
    "adaptive",
    "hierarchical",
    "asynchronous",
    "modular",
    "reliable",
];

pub(crate) static LIMITS: &[&str] = &[
    "high inference cost",
    "poor generalization to unseen domains",
    "reward hacking",
    "the reliance on dense human annotation",
    "error accumulation over long horizons",
    "limited context length",
    "training instability at scale",
    "hallucinated content",
    "the dense-view requirements of prior methods",
    "quadratic attention cost",
    "brittle tool-calling behaviour",
    "misalignment between intermediate and final representations",
    "scarce high-quality training data",
    "poor calibration under distribution shift",
    "synchronization overhead between training stages",
];

pub(crate) static COMPONENTS: &[&str] = &[
    "a lightweight adapter",
    "a learned router",
    "a verifier model",
    "a memory module",
    "a compressed latent space",
    "a dual-encoder retriever",
    "a timestep-conditioned probe",
    "a curriculum scheduler",
    "a critic network",
    "a token pruning module",
    "a reward model",
    "a planning head",
    "a cross-attention fusion block",
    "a data filtering pipeline",
];

pub(crate) static DATA_KINDS: &[&str] = &[
    "synthetic trajectories",
    "instruction-response pairs",
    "preference annotations",
    "image-text pairs",
    "video clips",
    "multi-view renderings",
    "verified math problems",
    "robot demonstrations",
    "speech utterances",
    "code repositories",
    "question-answer pairs",
];

pub(crate) static BASELINES: &[&str] = &[
    "the strongest open-source baseline",
    "GPT-4o",
    "Qwen2.5-7B-Instruct",
    "Llama-3.1-8B",
    "prior state-of-the-art methods",
    "DeepSeek-R1-Distill",
    "Claude 3.5 Sonnet",
    "Gemini 1.5 Pro",
    "the supervised fine-tuning baseline",
    "ControlNet++",
    "previous open models of similar size",
];

pub(crate) static SIZES: &[&str] = &["0.5B", "1.5B", "3B", "7B", "8B", "13B", "32B", "70B", "72B"];

pub(crate) static SETTINGS: &[&str] = &[
    "open-world environments",
    "low-resource settings",
    "real-world deployments",
    "long-horizon tasks",
    "safety-critical applications",
    "multilingual settings",
    "resource-constrained devices",
];

pub(crate) static GERUNDS: &[&str] = &[
    "Improving",
    "Rethinking",
    "Scaling",
    "Accelerating",
    "Unlocking",
    "Aligning",
    "Grounding",
    "Revisiting",
    "Benchmarking",
    "Stabilizing",
    "Compressing",
];

pub(crate) static VERBS: &[&str] = &[
    "Really Solve",
    "Learn",
    "Master",
    "Generalize to",
    "Self-Correct in",
    "Plan for",
];

pub(crate) static VERBS_LOWER: &[&str] = &[
    "improve",
    "scale",
    "stabilize",
    "accelerate",
    "simplify",
    "strengthen",
];

pub(crate) static NAME_A: &[&str] = &[
    "Web", "Lang", "Int", "Sky", "Deep", "Fast", "Omni", "Mind", "Vision", "Geo", "Flow", "Sparse",
    "Long", "Any", "Uni", "Meta", "Hyper", "Chrono", "Robo", "Audio", "Pixel", "Scene", "Token",
    "Echo", "Nova", "Lumi", "Astra", "Quill", "Atlas", "Prism", "Async", "Hallu", "Self", "Open",
];
pub(crate) static NAME_B: &[&str] = &[
    "Sailor", "Scene", "Fold", "Reward", "Seek", "Forge", "Bench", "Gen", "Mind", "Agent", "Star",
    "Fusion", "Lens", "Pilot", "Coder", "Voice", "World", "Splat", "Zero", "Mamba", "Loop", "Nav",
    "Grasp", "Guard", "Flow", "Seg", "Think", "Search", "Cast", "Weave",
];
pub(crate) static NAME_SUFFIX: &[&str] = &[
    "-X", "-V2", "-R1", "-7B", "-Pro", "-Zero", "2", "-VL", "-3D",
];

pub(crate) static TITLE_TPL: &[&str] = &[
    "{N}: {A} {M} for {T}",
    "{N}: Towards {A} {T} with {M}",
    "{N}: Scaling {M} for {T}",
    "{N}: A Benchmark for Evaluating {T} in {S}",
    "{N}: {M} Meets {M} for {T}",
    "{G} {T} via {M}",
    "Can {S} {V} {T}? A Systematic Study",
    "{A} {T} with {M}",
    "{N}: Learning {T} from {DK}",
    "{N}: An Open Recipe for {A} {T}",
    "{G} {S} with {M}",
];
pub(crate) static TITLE_EXT: &[&str] = &[
    " and {T2}",
    " in {SET}",
    " via {M}",
    " with {A} {M}",
    " for {S}",
    " at Scale",
    " from {DK}",
];

// Table summary (format A), ~1 KB, in the style of the seed.
pub(crate) static S_INTRO: &[&str] = &[
    "This paper introduces {N}, a {A} framework for {T} that combines {M} with {C}.",
    "{N} is a {A} approach to {T} built on {M}, designed to close the gap between open-source {S} and proprietary systems.",
    "This paper presents {N}, a {A} method that improves {T} by coupling {M} with {C}.",
    "The authors propose {N}, a {A} {M} pipeline for {T} and {T2}.",
    "This work introduces {N}, a benchmark and training recipe for evaluating and improving {T} in {S}.",
];
pub(crate) static S_OBJ: &[&str] = &[
    "The research objective is to overcome {L} in existing {S} by developing a system that handles {T} without {L}.",
    "The primary objective is to determine whether {M} can deliver reliable {T} under {L}, a setting where prior methods degrade sharply.",
    "The study aims to address {L} and {L}, which limit the practical deployment of {S} for {T}.",
    "The research question is how to scale {T} in {S} while keeping training and inference efficiency within a fixed compute budget.",
];
pub(crate) static S_METHOD: &[&str] = &[
    "The core methodology involves {C} trained on {D}, followed by a two-stage procedure of supervised fine-tuning and {M}.",
    "Its methodology combines {M} with {C}, using {D} to supervise intermediate representations at every step.",
    "The key methodology pairs {C} with {M}; a curriculum over {T} gradually increases difficulty while {C} filters low-quality samples.",
    "The approach first distills {D} into {C}, then applies {M} with a reward signal derived from {B}.",
];
pub(crate) static S_EXTRA: &[&str] = &[
    "Ablations show that removing {C} reduces performance by {P}, confirming that each component contributes to the final result.",
    "The authors also release {D}, along with evaluation code and model checkpoints, to support reproducible research on {T}.",
    "An analysis of failure cases indicates that the remaining errors stem mainly from {L}.",
    "Compared with {M}, the method requires {X} fewer GPU hours and no additional human annotation.",
];
pub(crate) static S_RESULT: &[&str] = &[
    "The primary result shows {N} achieving {P} on {B}, significantly outperforming {K} and matching the performance of much larger models.",
    "In experiments, {N} improves accuracy on {B} {PP} and delivers a {X} speedup over {K}.",
    "{N} demonstrates state-of-the-art performance, reaching {P} on {B} compared with {P} for {K}.",
    "A {Q} model trained with {N} attains {P} on {B} and {P} on {B}, surpassing {K} by a wide margin.",
];
pub(crate) static S_IMPL: &[&str] = &[
    "The principal implication for AI practitioners is that {M} combined with {C} offers a practical path to {A} {T} without scaling model size.",
    "For AI practitioners, the principal implication is that carefully curated data and {M} can substitute for brute-force scale when building {S} for {T}.",
    "The principal implication for AI practitioners is that evaluating {S} on {B} alone can overstate real-world reliability, so deployments should include targeted tests for {L}.",
    "The principal implication for AI practitioners is that {N} can be adopted as a drop-in component to improve efficiency and robustness in existing {T} pipelines.",
];

// Feed dump (format B): gist + abstract.
pub(crate) static F_GIST: &[&str] = &[
    "{N}, a {A} framework using {M} and {C}, improves {T} for {S} and achieves strong results on {B}.",
    "A novel approach named {N} combines {M} with {C} to enhance {T}, outperforming {K} on {B}.",
    "{N} introduces {D} and {M} to train {S} for {T}, improving both accuracy and efficiency.",
    "{N} applies {M} with {C} so that {S} handle {T} more reliably, with consistent gains on {B}.",
];
pub(crate) static F_OPEN: &[&str] = &[
    "Recent progress in {T} has been driven by {M} and increasingly capable {S}.",
    "{T} is a fundamental but challenging problem with broad applications in {SET}.",
    "Large-scale {S} have demonstrated remarkable capabilities in {T}, yet their behaviour in {SET} remains poorly understood.",
];
pub(crate) static F_PROBLEM: &[&str] = &[
    "However, existing approaches suffer from {L} and {L}, which limits their applicability in practice.",
    "Despite this progress, current methods rely heavily on {D}, and they struggle with {L} when deployed at scale.",
    "Yet most prior work treats {T} and {T2} separately, leading to {L}.",
];
pub(crate) static F_INTRO: &[&str] = &[
    "In this paper, we introduce {N}, a {A} framework that unifies {T} and {T2} within a single model.",
    "To address these challenges, we propose {N}, which leverages {M} to {VL} {T}.",
    "We present {N}, a {A} approach built on {M} and {C}.",
];
pub(crate) static F_METHOD: &[&str] = &[
    "Specifically, we first train {C} on {D}, and then apply {M} to refine the resulting policy.",
    "Furthermore, we propose {C}, trained on {D}, to efficiently encode task-relevant information without per-task retraining.",
    "Our approach involves generating {D} through structured sampling and filtering, followed by {M}.",
    "We further design {C} that adaptively allocates computation according to input difficulty, improving efficiency.",
    "To stabilize optimization, we introduce a delayed update mechanism for {C} that minimizes synchronization overhead.",
];
pub(crate) static F_RESULT: &[&str] = &[
    "Extensive experiments on {B} and {B} demonstrate that {N} outperforms {K} by {P} while using {X} less compute.",
    "Experiments show that {N} achieves {P} on {B}, establishing a new state of the art among open models of comparable size.",
    "Comprehensive evaluations across {B}, {B}, and {B} confirm the superiority of {N} in terms of quality and generalizability.",
];
pub(crate) static F_CLOSE: &[&str] = &[
    "Code and models are available at https://github.com/{H}/{N}.",
    "Project Page: https://{H}.github.io/{N}.",
    "We hope {N} serves as a strong baseline for future research on {T}.",
];

// The exact separator of the Hugging Face feed (from seeds/001_*): space, 4 tabs,
// space, 5 tabs, the label, space, 4 tabs, space, 2 tabs.
pub(crate) const AI_SEP: &str = " \t\t\t\t \t\t\t\t\tAI-generated summary \t\t\t\t \t\t";

// Authors.
pub(crate) static FIRST: &[&str] = &[
    "Liwen",
    "Huifeng",
    "Zhongwang",
    "Kuan",
    "Minghui",
    "Jiawei",
    "Hao",
    "Fangfu",
    "Aibek",
    "Andrey",
    "Maxim",
    "Nina",
    "Wei",
    "Yutao",
    "Guanting",
    "Xiaoxi",
    "Jiecao",
    "Sijia",
    "Timothy",
    "Arman",
    "Lovekesh",
    "Manasi",
    "Yilun",
    "Jun",
    "Anthony",
    "Rasul",
    "Matthieu",
    "Peixuan",
    "Ganesh",
    "Alexi",
    "Ken",
    "Tianjian",
    "Xinyi",
    "Ruijie",
    "Guang",
    "Kui",
    "Haibo",
    "Zhenyu",
    "Sofia",
    "José",
    "Lukas",
    "Ana",
    "Priya",
    "Rahul",
    "Emma",
    "Noah",
    "Olivia",
    "Mateo",
    "Chloé",
    "Björn",
    "Aisha",
    "Omar",
    "Fatima",
    "Daniel",
    "Sarah",
    "Yuki",
    "Haruto",
    "Min-jun",
    "Seo-yeon",
    "Ahmed",
    "Elena",
    "Dmitry",
    "Marta",
    "Tomás",
    "Inês",
    "Kwame",
    "Zanele",
    "Md Mofijul",
    "Sai Surya",
];
pub(crate) static LAST: &[&str] = &[
    "Zhang",
    "Yin",
    "Li",
    "Yang",
    "Chi",
    "Liu",
    "Alanov",
    "Kuznetsov",
    "Nikolaev",
    "Konovalova",
    "Wei",
    "Zhu",
    "Dong",
    "Yu",
    "Chen",
    "Chou",
    "Cohan",
    "Vig",
    "Patwardhan",
    "Zhao",
    "Wang",
    "Bordg",
    "Tutunov",
    "Zimmer",
    "Han",
    "Islam",
    "Nanduru",
    "Gladstone",
    "Tsui",
    "Wan",
    "Luo",
    "Müller",
    "García",
    "Rossi",
    "Silva",
    "Kim",
    "Park",
    "Tanaka",
    "Sato",
    "Nguyen",
    "Kumar",
    "Sharma",
    "Okafor",
    "Mensah",
    "Novak",
    "Kowalski",
    "Ivanova",
    "Hernández",
    "O'Brien",
    "Dubois",
    "Schmidt",
    "Larsen",
    "Haddad",
    "Rahman",
    "Costa",
    "Duvvuri",
];
pub(crate) static HANDLE_PARTS: &[&str] = &[
    "xx",
    "wu",
    "han",
    "yang",
    "zeng",
    "liang",
    "cs",
    "chris",
    "liu",
    "ai",
    "dev",
    "lab",
    "ml",
    "neo",
    "kai",
    "ray",
    "jin",
    "sun",
    "moon",
    "fox",
    "byte",
    "zero",
    "amanchadha",
    "facico",
    "ricky",
];

// Blog items.
pub(crate) static BLOG_TITLES: &[&str] = &[
    "My Honest Advice for Aspiring Machine Learning Engineers",
    "A Practical Guide to {T} with Open-Source Tools",
    "Why {S} Still Struggle with {T}",
    "{NUM} Lessons from Deploying {M} in Production",
    "How to Evaluate {S} Without Fooling Yourself",
    "What I Learned Building an Agent for {T}",
    "Understanding {M}: An Intuitive Walkthrough",
];
pub(crate) static BLOG_TAGLINES: &[&str] = &[
    "What it really takes to get {T} working outside a benchmark",
    "A hands-on look at {M}, with code you can run on a single GPU",
    "Notes on cost, latency and failure modes when shipping {S}",
    "Everything we wish we had known before our first project on {T}",
];
// (domain, site name, url style) style 0: /slug/, 1: /blog/slug, 2: /blog/YYYY/MM/DD/slug/
pub(crate) static BLOG_SITES: &[(&str, &str, u8)] = &[
    ("towardsdatascience.com", "Towards Data Science", 0),
    ("towardsdatascience.com", "Towards Data Science", 0),
    (
        "machinelearningmastery.com",
        "MachineLearningMastery.com",
        0,
    ),
    ("huggingface.co", "Hugging Face", 1),
    (
        "bair.berkeley.edu",
        "The Berkeley Artificial Intelligence Research Blog",
        2,
    ),
    ("thegradient.pub", "The Gradient", 0),
];
