//! The deploy job of the Pages workflow, emulated from clean clones of a read-only bot
//! repository with no git identity: the shell of `action.yml`'s own steps (read from the
//! file, run with bash as a runner would) and a local stand-in for GitHub Pages. Feed
//! `updated` times must stay the same from deploy to deploy, through an empty Actions
//! cache and a site that cannot be read, and no deploy may commit anything.
//!
//! What is not run: installing the release binary (tests/publish_scripts.rs tests the
//! installer; here the binary under test is put on PATH), `actions/configure-pages`
//! (the base URL is given) and the cache and Pages actions themselves, whose effect
//! (a folder restored, saved, published) the test performs.

mod common;

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex};

use common::{BIN, output_text};

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// One step of `action.yml`, by its `id`: its `run:` script and the names of its `env:`.
struct Step {
    run: String,
    env: Vec<String>,
}

/// Reads a step out of `action.yml` (a line reader, as action.yml keeps the usual
/// two-space indentation; .ci/action_as_workflow.py reads it the same way).
fn action_step(id: &str) -> Step {
    let text = std::fs::read_to_string(repo().join("action.yml")).expect("action.yml");
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|l| *l == format!("    - id: {id}"))
        .unwrap_or_else(|| panic!("no step with id {id} in action.yml"));
    let end = lines[start + 1..]
        .iter()
        .position(|l| l.starts_with("    - ") || !l.starts_with(' ') && !l.is_empty())
        .map_or(lines.len(), |n| start + 1 + n);
    let body = &lines[start + 1..end];
    let mut run = String::new();
    let mut env = Vec::new();
    let mut i = 0;
    while i < body.len() {
        let line = body[i];
        if line == "      env:" {
            i += 1;
            while i < body.len() && body[i].starts_with("        ") {
                let name = body[i].trim().split(':').next().expect("env name");
                env.push(name.to_string());
                i += 1;
            }
            continue;
        }
        if line == "      run: |" {
            i += 1;
            while i < body.len() && (body[i].starts_with("        ") || body[i].is_empty()) {
                run.push_str(body[i].get(8..).unwrap_or(""));
                run.push('\n');
                i += 1;
            }
            continue;
        }
        if let Some(one) = line.strip_prefix("      run: ") {
            run = format!("{one}\n");
        }
        i += 1;
    }
    assert!(!run.is_empty(), "step {id} has no run: script");
    Step { run, env }
}

/// A folder served over HTTP on 127.0.0.1 under `/PREFIX/`, as GitHub Pages serves a
/// project site; every other path, and everything while `down`, is a 404.
struct Pages {
    port: u16,
    down: Arc<Mutex<bool>>,
}

impl Pages {
    fn start(dir: PathBuf, prefix: &'static str) -> Pages {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("address").port();
        let down = Arc::new(Mutex::new(false));
        let is_down = Arc::clone(&down);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut request = String::new();
                if BufReader::new(&stream).read_line(&mut request).is_err() {
                    continue;
                }
                let path = request.split(' ').nth(1).unwrap_or("");
                let file = path
                    .strip_prefix(prefix)
                    .filter(|rel| !rel.split('/').any(|s| s == ".."))
                    .map(|rel| dir.join(rel))
                    .filter(|_| !*is_down.lock().expect("lock"));
                let (status, body) = match file.and_then(|f| std::fs::read(f).ok()) {
                    Some(bytes) => ("200 OK", bytes),
                    None => ("404 Not Found", b"<h1>404</h1>".to_vec()),
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(&body);
            }
        });
        Pages { port, down }
    }

    fn set_down(&self, down: bool) {
        *self.down.lock().expect("lock") = down;
    }
}

/// git with no identity and no configuration but the repository's own.
fn git_as_runner(home: &Path) -> Command {
    let mut cmd = Command::new("git");
    cmd.env("HOME", home)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("XDG_CONFIG_HOME", home.join(".config"));
    for var in [
        "GIT_AUTHOR_NAME",
        "GIT_AUTHOR_EMAIL",
        "GIT_COMMITTER_NAME",
        "GIT_COMMITTER_EMAIL",
        "EMAIL",
        "GIT_CONFIG_GLOBAL",
    ] {
        cmd.env_remove(var);
    }
    cmd
}

/// git as the bot, which has an identity.
fn git_as_bot(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_AUTHOR_NAME", "bot")
        .env("GIT_AUTHOR_EMAIL", "bot@example.org")
        .env("GIT_COMMITTER_NAME", "bot")
        .env("GIT_COMMITTER_EMAIL", "bot@example.org")
        .output()
        .expect("git runs");
    assert!(out.status.success(), "git {args:?}: {}", output_text(&out));
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

fn day(date: &str, id: &str, title: &str, summary: &str) -> String {
    format!(
        "## Papers for {date}\n\n\
         | Title | Authors | Summary |\n\
         |-------|---------|---------|\n\
         | {title} (Read more on [arXiv](https://arxiv.org/abs/{id})) | Pat Tern | {summary} |\n"
    )
}

/// Every file and folder under `dir` made read-only (or writable again), as a
/// repository the workflow may only read. (A test run as root is not stopped by modes;
/// the snapshot comparison below is what shows nothing was written.)
fn set_read_only(dir: &Path, read_only: bool) {
    for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
        let mut perms = entry.metadata().expect("metadata").permissions();
        perms.set_readonly(read_only);
        std::fs::set_permissions(entry.path(), perms).expect("chmod");
    }
}

/// The bot's repository: three days in `archive/`, config.toml and a workflow from
/// `papertrail init`, committed by the bot.
fn bot_repository(dir: &Path) {
    let write = |rel: &str, text: &str| {
        let path = dir.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    for (date, id, title) in [
        ("2025-07-03", "2507.03101", "Sparse Kettles"),
        ("2025-07-04", "2507.04101", "Gradient Teapots"),
        ("2025-07-05", "2507.05101", "Attention Saucers"),
    ] {
        let (y, m, d) = (&date[..4], &date[5..7], &date[8..]);
        write(
            &format!("archive/{y}/{m}/{d}.md"),
            &day(date, id, title, &format!("What {title} found.")),
        );
    }
    git_as_bot(dir, &["init", "-q", "-b", "main"]);
    git_as_bot(
        dir,
        &[
            "remote",
            "add",
            "origin",
            "https://github.com/alice/daily-papers.git",
        ],
    );
    let out = Command::new(BIN)
        .current_dir(dir)
        .arg("init")
        .output()
        .expect("papertrail init");
    assert!(out.status.success(), "{}", output_text(&out));
    git_as_bot(dir, &["add", "-A"]);
    git_as_bot(dir, &["commit", "-q", "-m", "papers and papertrail"]);
}

/// A runner: the Actions cache (one folder, kept between jobs unless emptied) and the
/// published site.
struct Runner {
    tmp: tempfile::TempDir,
    origin: PathBuf,
    cache: PathBuf,
    published: PathBuf,
    base_url: String,
    jobs: usize,
}

impl Runner {
    /// Runs step `id` in `workspace` with `env` (the step's `env:` values) and
    /// SOURCE_DATE_EPOCH `epoch`, the build's clock.
    fn run_step(
        &self,
        id: &str,
        job: &Path,
        workspace: &Path,
        env: &[(&str, String)],
        epoch: i64,
    ) -> Output {
        let step = action_step(id);
        for name in &step.env {
            assert!(
                env.iter().any(|(n, _)| n == name),
                "action.yml's step {id} reads {name}, which this emulation does not set"
            );
        }
        let path = format!(
            "{}:{}",
            Path::new(BIN).parent().expect("bin folder").display(),
            std::env::var("PATH").unwrap_or_default()
        );
        let mut cmd = Command::new("bash");
        cmd.arg("-e")
            .arg("-c")
            .arg(&step.run)
            .current_dir(workspace)
            .env("PATH", path)
            .env("HOME", job.join("home"))
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("GITHUB_ACTION_PATH", repo())
            .env("GITHUB_OUTPUT", job.join("output"))
            .env("GITHUB_STEP_SUMMARY", job.join("summary"))
            .env("RUNNER_TEMP", job.join("runner-temp"))
            .env("SOURCE_DATE_EPOCH", epoch.to_string());
        for (name, value) in env {
            if step.env.iter().any(|n| n == name) {
                cmd.env(name, value);
            }
        }
        cmd.output().expect("bash runs")
    }

    /// One deploy job: a clean clone, the action's feed-state and build steps, the cache
    /// saved, the site published. Returns the job's output and the built site.
    fn deploy(&mut self, epoch: i64) -> (String, PathBuf) {
        self.jobs += 1;
        let job = self.tmp.path().join(format!("job-{}", self.jobs));
        let home = job.join("home");
        let temp = job.join("runner-temp");
        std::fs::create_dir_all(&home).expect("home");
        std::fs::create_dir_all(&temp).expect("runner temp");
        // actions/checkout
        let workspace = job.join("workspace");
        let out = git_as_runner(&home)
            .arg("clone")
            .arg("-q")
            .arg(format!("file://{}", self.origin.display()))
            .arg(&workspace)
            .output()
            .expect("git clone");
        assert!(out.status.success(), "{}", output_text(&out));
        // actions/cache/restore
        let state_dir = temp.join("papertrail-feed-state");
        if self.cache.is_dir() {
            copy_dir(&self.cache, &state_dir);
        }
        let env = [
            ("BASE_URL", self.base_url.clone()),
            (
                "CACHED",
                state_dir.join("feed-state.tsv").display().to_string(),
            ),
            ("ARGS", String::new()),
            ("CACHE_DIR", state_dir.display().to_string()),
        ];
        let mut shown = String::new();
        for id in ["feed-state", "build"] {
            let out = self.run_step(id, &job, &workspace, &env, epoch);
            shown.push_str(&output_text(&out));
            assert!(out.status.success(), "step {id} failed:\n{shown}");
        }
        // actions/cache/save, then upload-pages-artifact and deploy-pages.
        if state_dir.is_dir() {
            let _ = std::fs::remove_dir_all(&self.cache);
            copy_dir(&state_dir, &self.cache);
        }
        let _ = std::fs::remove_dir_all(&self.published);
        copy_dir(&workspace.join("public"), &self.published);
        (shown, workspace)
    }
}

fn copy_dir(from: &Path, to: &Path) {
    for (rel, bytes) in common::tree(from) {
        let path = to.join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, bytes).expect("copy");
    }
}

/// Every entry's `updated` in every Atom feed of a built site: (feed, entry id) → time.
fn feed_times(public: &Path) -> BTreeMap<(String, String), String> {
    let mut times = BTreeMap::new();
    for (rel, bytes) in common::tree(public) {
        if !rel.ends_with("atom.xml") {
            continue;
        }
        for entry in common::parse_feed(&bytes).entries {
            let updated = entry.updated.expect("entry updated").to_rfc3339();
            times.insert((rel.clone(), entry.id), updated);
        }
    }
    assert!(
        !times.is_empty(),
        "no feed entry under {}",
        public.display()
    );
    times
}

#[test]
fn deploys_from_clean_clones_keep_feed_times_and_commit_nothing() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let origin = tmp.path().join("origin");
    std::fs::create_dir_all(&origin).expect("origin");
    bot_repository(&origin);
    let workflow =
        std::fs::read_to_string(origin.join(".github/workflows/papertrail.yml")).expect("wf");
    assert!(workflow.contains("contents: read"), "{workflow}");
    assert!(!workflow.contains("contents: write"), "{workflow}");
    let first_head = git_as_bot(&origin, &["rev-parse", "HEAD"]);
    set_read_only(&origin, true);
    let before = common::tree(&origin);

    let published = tmp.path().join("pages");
    let pages = Pages::start(published.clone(), "/daily-papers/");
    let mut runner = Runner {
        origin: origin.clone(),
        cache: tmp.path().join("cache"),
        published,
        base_url: format!("http://127.0.0.1:{}/daily-papers/", pages.port),
        jobs: 0,
        tmp,
    };

    // A first deploy: nothing published, no cache. Entries get their content dates.
    let (shown, first) = runner.deploy(1_800_000_000);
    assert!(shown.contains("feed state: none yet"), "{shown}");
    let times = feed_times(&first.join("public"));
    assert!(
        times.values().all(|t| t.starts_with("2025-07-0")),
        "{times:?}"
    );

    // Again from a clean clone with a cold cache, a day later: read from the site.
    std::fs::remove_dir_all(&runner.cache).expect("empty the cache");
    let (shown, second) = runner.deploy(1_800_086_400);
    assert!(shown.contains("read from the published site"), "{shown}");
    assert_eq!(feed_times(&second.join("public")), times);

    // The bot edits a summary; the next deploy stamps that entry with its own time.
    assert_eq!(
        common::tree(&origin),
        before,
        "a deploy wrote to the repository"
    );
    set_read_only(&origin, false);
    let edited = origin.join("archive/2025/07/04.md");
    std::fs::write(
        &edited,
        day(
            "2025-07-04",
            "2507.04101",
            "Gradient Teapots",
            "What Gradient Teapots found, corrected.",
        ),
    )
    .expect("edit");
    git_as_bot(&origin, &["commit", "-q", "-am", "fix a summary"]);
    let head = git_as_bot(&origin, &["rev-parse", "HEAD"]);
    assert_ne!(head, first_head);
    set_read_only(&origin, true);
    let before_edit = before;
    let before = common::tree(&origin);
    assert_ne!(before, before_edit);

    let (_, third) = runner.deploy(1_800_172_800);
    let after_edit = feed_times(&third.join("public"));
    let moved: Vec<_> = after_edit
        .iter()
        .filter(|(k, t)| times.get(*k) != Some(*t))
        .collect();
    assert!(!moved.is_empty(), "the edit moved no entry");
    for ((_, id), t) in &moved {
        assert!(
            t.starts_with("2027-01-17T"),
            "{id} moved to {t}, not to the third deploy's time"
        );
        assert!(
            id.contains("2507.04101") || id.contains("2025-07-04"),
            "an entry that was not edited moved: {id}"
        );
    }

    // Cold cache: the edited entry keeps the time of the deploy that saw the edit.
    std::fs::remove_dir_all(&runner.cache).expect("empty the cache");
    let (shown, fourth) = runner.deploy(1_800_259_200);
    assert!(shown.contains("read from the published site"), "{shown}");
    assert_eq!(feed_times(&fourth.join("public")), after_edit);

    // The site cannot be read (private, or down): the cache has the same state.
    pages.set_down(true);
    let (shown, fifth) = runner.deploy(1_800_345_600);
    assert!(shown.contains("restored from the Actions cache"), "{shown}");
    assert_eq!(feed_times(&fifth.join("public")), after_edit);

    // Nothing was written to the bot's repository, and no job committed in its clone.
    assert_eq!(
        common::tree(&origin),
        before,
        "a deploy wrote to the repository"
    );
    set_read_only(&origin, false);
    assert_eq!(git_as_bot(&origin, &["rev-parse", "HEAD"]), head);
    for clone in [first, second, third, fourth, fifth] {
        let ahead = git_as_bot(&clone, &["rev-list", "--count", "origin/main..HEAD"]);
        assert_eq!(ahead, "0", "a job committed in {}", clone.display());
        let changed = git_as_bot(&clone, &["status", "--porcelain", "--untracked-files=no"]);
        assert_eq!(changed, "", "a job changed tracked files");
    }
}

#[test]
fn the_action_pushes_nothing_and_needs_no_write_access() {
    let action = std::fs::read_to_string(repo().join("action.yml")).expect("action.yml");
    for word in ["git push", "git commit", "contents: write"] {
        assert!(!action.contains(word), "action.yml mentions `{word}`");
    }
    // The build step copies the state for the cache, and the state is read first.
    let build = action_step("build");
    assert!(build.run.contains("papertrail build"), "{}", build.run);
    let order: Vec<usize> = ["- id: state-cache", "- id: feed-state", "- id: build"]
        .iter()
        .map(|s| action.find(s).unwrap_or_else(|| panic!("{s} missing")))
        .collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "steps out of order");
}
