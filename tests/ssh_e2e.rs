//! The browser over a real SSH connection, as analysts use it: OpenSSH's sshd on
//! 127.0.0.1 only (a free high port, host and client keys made in a temporary folder),
//! `ssh -tt` inside tmux, filter → open → jump to a quote; then the ssh client is killed
//! as a dropped link would kill it, and the server-side browser must be gone within 2 s
//! without spinning. With CI set, a missing sshd fails the test instead of skipping it
//! (`.ci/run` installs openssh-server).
#![allow(clippy::disallowed_macros)] // a skipped test says so on the console
#![allow(clippy::expect_used, clippy::unwrap_used)] // tests fail loudly

use crate::common;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::tmux::{Tmux, all, bin, descendants, have_tmux, wait_gone};

const SSHD: &str = "/usr/sbin/sshd";

fn have_sshd() -> bool {
    let ok = Path::new(SSHD).exists()
        && Command::new("ssh-keygen")
            .arg("-?")
            .stderr(Stdio::null())
            .status()
            .is_ok();
    if !ok && std::env::var_os("CI").is_some() {
        panic!("{SSHD} and ssh-keygen are required under CI (apt-get install -y openssh-server)");
    }
    if !ok {
        eprintln!("sshd not found; skipping the SSH end-to-end test");
    }
    ok
}

/// An sshd of the test's own, listening on 127.0.0.1 only; stopped on drop.
struct Sshd {
    child: Child,
    port: u16,
    dir: tempfile::TempDir,
}

fn keygen(path: &Path) {
    let ok = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen");
    assert!(ok.success(), "ssh-keygen failed");
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .expect("bind")
        .local_addr()
        .expect("addr")
        .port()
}

impl Sshd {
    fn start() -> Sshd {
        let dir = tempfile::tempdir().expect("tempdir");
        let p = |name: &str| -> PathBuf { dir.path().join(name) };
        keygen(&p("host_key"));
        keygen(&p("client_key"));
        std::fs::copy(p("client_key.pub"), p("authorized_keys")).expect("authorized_keys");
        // Privilege separation needs this folder; Debian makes it at boot, CI may not.
        std::fs::create_dir_all("/run/sshd").expect("mkdir /run/sshd");
        let port = free_port();
        let config = format!(
            "ListenAddress 127.0.0.1\nPort {port}\nHostKey {}\nAuthorizedKeysFile {}\n\
             PidFile {}\nStrictModes no\nUsePAM no\nPasswordAuthentication no\n\
             KbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             PermitRootLogin prohibit-password\nLogLevel ERROR\n",
            p("host_key").display(),
            p("authorized_keys").display(),
            p("sshd.pid").display(),
        );
        std::fs::write(p("sshd_config"), config).expect("sshd_config");
        let child = Command::new(SSHD)
            .arg("-D")
            .arg("-f")
            .arg(p("sshd_config"))
            .arg("-E")
            .arg(p("sshd.log"))
            .stdin(Stdio::null())
            .spawn()
            .expect("start sshd");
        let s = Sshd { child, port, dir };
        let start = Instant::now();
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "sshd did not listen: {}",
                std::fs::read_to_string(s.dir.path().join("sshd.log")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        s
    }

    /// The local addresses (hex, as in /proc/net/tcp*) listening on our port.
    fn listeners(&self) -> Vec<String> {
        let mut out = Vec::new();
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            let text = std::fs::read_to_string(table).unwrap_or_default();
            for line in text.lines().skip(1) {
                let f: Vec<&str> = line.split_whitespace().collect();
                // local_address is IP:PORT in hex; state 0A is LISTEN.
                if f.len() > 3 && f[3] == "0A" {
                    if let Some((ip, port)) = f[1].split_once(':') {
                        if u16::from_str_radix(port, 16) == Ok(self.port) {
                            out.push(ip.to_owned());
                        }
                    }
                }
            }
        }
        out
    }

    fn ssh_command(&self, remote: &str) -> String {
        format!(
            "ssh -tt -F /dev/null -i {} -p {} -o StrictHostKeyChecking=no \
             -o UserKnownHostsFile=/dev/null -o BatchMode=yes -o LogLevel=ERROR \
             root@127.0.0.1 {remote}",
            self.dir.path().join("client_key").display(),
            self.port
        )
    }
}

impl Drop for Sshd {
    fn drop(&mut self) {
        // Stop every session it still has, then the listener itself.
        for pid in descendants(self.child.id()) {
            let _ = Command::new("kill")
                .arg("-KILL")
                .arg(pid.to_string())
                .status();
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn browse_over_ssh_then_a_dropped_link_ends_the_server_side_process() {
    if !have_tmux() || !have_sshd() {
        return;
    }
    let sshd = Sshd::start();
    assert_eq!(
        sshd.listeners(),
        ["0100007F"],
        "sshd must listen on 127.0.0.1 only"
    );
    let t = Tmux::browser(&sshd.ssh_command(bin()), &[]);
    t.wait_for(&all());
    // Filter, open, jump to a quote: the same walk as on a local terminal.
    t.keys(&["/", "Yosov"]);
    t.wait_for("Andriy Yusov · alias Andriy Yosov");
    t.keys(&["Enter", "Enter"]);
    t.wait_for("Andriy Yusov  person · andriy-yusov");
    t.keys(&["n"]);
    t.wait_for("“Andriy Yusov, a spokesman for Ukraine’s military intelligence service”");
    t.keys(&["Enter"]);
    t.wait_for_all(&["n next passage", "a spokesman for Ukraine"]);
    // A frame may be captured half drawn: look again for a few seconds.
    let start = Instant::now();
    let highlighted = |esc: &str| {
        esc.lines()
            .find(|l| l.contains("a spokesman for Ukraine"))
            .is_some_and(|l| l.contains("43m") || l.contains("48;5;3m"))
    };
    let mut esc = t.screen_escaped();
    while !highlighted(&esc) && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(50));
        esc = t.screen_escaped();
    }
    assert!(highlighted(&esc), "quote not highlighted over SSH:\n{esc}");

    // The browser runs under sshd, not under the pane.
    let server: Vec<u32> = descendants(sshd.child.id())
        .into_iter()
        .filter(|&p| common::tmux::comm(p).as_deref() == Some("dossier"))
        .collect();
    assert_eq!(server.len(), 1, "one browser under sshd: {server:?}");
    let client = t.descendant("ssh").expect("ssh client pid");
    Command::new("kill")
        .arg("-KILL")
        .arg(client.to_string())
        .status()
        .expect("kill ssh");
    let (took, cpu) = wait_gone(server[0], Duration::from_secs(2), "server-side browser");
    // CPU time measured exactly (schedstat, not clock ticks): noticing the dropped link
    // costs a few milliseconds; spinning on it costs a core's share however loaded.
    assert!(
        cpu < 100_000_000,
        "spent {} ms of CPU while dying ({took:?})",
        cpu / 1_000_000
    );
}
