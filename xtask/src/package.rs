// SPDX-License-Identifier: EUPL-1.2
//! `cargo xtask package`: a Debian package of the server and the built app,
//! made with Debian's own `dpkg-deb` from a staged tree. What it installs:
//!
//! - `/usr/bin/buone-pratiche-server` (the `server` profile's build);
//! - `/usr/share/buone-pratiche/app` (the built app, `dist/`);
//! - `/lib/systemd/system/buone-pratiche.service`, hardened;
//! - `/etc/buone-pratiche/environment` (a conffile: kept on upgrades);
//! - a system user `buone-pratiche` and `/var/lib/buone-pratiche` for the
//!   data (made by `postinst`; `dpkg --purge` deletes both).
//!
//! The unit, the environment file and the maintainer scripts are in
//! `crates/server/packaging/`. [`check`] is the test: it installs the package
//! on this machine, verifies the unit, starts the server as the service
//! would (its user, its environment file), asks it whether it is ready, and
//! purges the package.

use super::*;
use std::io::{Read, Write};

const NAME: &str = "buone-pratiche";
const PACKAGING: &str = "crates/server/packaging";

/// Builds the server and the package from the built app in `dist/`; the
/// package's path.
pub fn build(root: &Path) -> Result<PathBuf, String> {
    if !root.join("dist/public.html").exists() {
        return Err("no built app in dist/: run `cargo xtask build` first".into());
    }
    run_command(Command::new("cargo").args([
        "build",
        "--profile",
        "server",
        "--package",
        "server",
        "--bin",
        "server",
    ]))?;
    let version = server_version(root)?;
    let arch = output(Command::new("dpkg").arg("--print-architecture"))?;
    let stage = root.join("target/package").join(NAME);
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(|e| format!("clearing {}: {e}", stage.display()))?;
    }
    let packaging = root.join(PACKAGING);
    let place = |from: &Path, to: &str, mode: u32| -> Result<(), String> {
        let to = stage.join(to);
        std::fs::create_dir_all(to.parent().expect("a file in a folder"))
            .map_err(|e| format!("{}: {e}", to.display()))?;
        std::fs::copy(from, &to).map_err(|e| format!("copying {} to {}: {e}", from.display(), to.display()))?;
        set_mode(&to, mode)
    };
    place(&root.join("target/server/server"), "usr/bin/buone-pratiche-server", 0o755)?;
    place(&packaging.join("buone-pratiche.service"), "lib/systemd/system/buone-pratiche.service", 0o644)?;
    place(&packaging.join("environment"), "etc/buone-pratiche/environment", 0o644)?;
    place(&root.join("README.md"), "usr/share/doc/buone-pratiche/README.md", 0o644)?;
    place(&root.join("LICENSE"), "usr/share/doc/buone-pratiche/copyright", 0o644)?;
    place(&packaging.join("nginx-site.conf"), "usr/share/buone-pratiche/nginx-site.conf", 0o644)?;
    for script in ["postinst", "prerm", "postrm"] {
        place(&packaging.join(script), &format!("DEBIAN/{script}"), 0o755)?;
    }
    copy_tree(&root.join("dist"), &stage.join("usr/share/buone-pratiche/app"))?;
    let control = format!(
        "Package: {NAME}\nVersion: {version}\nArchitecture: {arch}\nMaintainer: Buone pratiche <redazione@example.org>\n\
         Depends: libc6, passwd\nSection: web\nPriority: optional\nHomepage: https://buonepratiche.example.org\n\
         Description: open collection of good practices of local social services\n \
         The questionnaire, the public catalogue, curation and open data of the\n \
         good practices of Italian local social services, as one service with an\n \
         embedded SQLite database.\n"
    );
    write(&stage.join("DEBIAN/control"), &control)?;
    write(&stage.join("DEBIAN/conffiles"), "/etc/buone-pratiche/environment\n")?;
    let deb = root.join(format!("target/package/{NAME}_{version}_{arch}.deb"));
    run_command(Command::new("dpkg-deb").arg("--root-owner-group").arg("--build").arg(&stage).arg(&deb))?;
    println!("package: {}", deb.display());
    Ok(deb)
}

/// Installs the package, serves as the service would, and purges it; the
/// package is purged whatever happens in between.
pub fn check(root: &Path) -> Result<(), String> {
    if output(Command::new("id").arg("-u"))? != "0" {
        return Err("installing a package needs root (run as root, as CI does)".into());
    }
    let deb = build(root)?;
    if Command::new("dpkg").args(["-s", NAME]).output().is_ok_and(|o| o.status.success()) {
        run_command(Command::new("dpkg").args(["--purge", NAME]))?;
    }
    run_command(Command::new("dpkg").arg("-i").arg(&deb))?;
    let installed = serve_as_the_service();
    let purged = run_command(Command::new("dpkg").args(["--purge", NAME]));
    installed?;
    purged?;
    for gone in
        ["/usr/bin/buone-pratiche-server", "/var/lib/buone-pratiche", "/lib/systemd/system/buone-pratiche.service"]
    {
        if Path::new(gone).exists() {
            return Err(format!("{gone} is still there after dpkg --purge"));
        }
    }
    if Command::new("getent").args(["passwd", NAME]).output().is_ok_and(|o| o.status.success()) {
        return Err(format!("the user {NAME} is still there after dpkg --purge"));
    }
    println!("package: installed, verified, served as the service, purged");
    Ok(())
}

/// The installed unit verified; the server started by its user with its
/// environment file, ready, serving the app, its database in its folder.
fn serve_as_the_service() -> Result<(), String> {
    run_command(Command::new("systemd-analyze").args(["verify", "/lib/systemd/system/buone-pratiche.service"]))?;
    let port =
        std::net::TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map_err(|e| e.to_string())?.port();
    // What `EnvironmentFile=` reads, then the port this test picked.
    let start = format!(
        "set -a; . /etc/buone-pratiche/environment; BP_LISTEN=127.0.0.1:{port}; exec /usr/bin/buone-pratiche-server"
    );
    let mut server = Command::new("runuser")
        .args(["-u", NAME, "--", "sh", "-c", &start])
        .env_clear()
        .env("PATH", "/usr/sbin:/usr/bin:/sbin:/bin")
        .spawn()
        .map_err(|e| format!("starting the server: {e}"))?;
    let answered = (|| {
        let ready = (0..300).find_map(|_| {
            std::thread::sleep(std::time::Duration::from_millis(100));
            get(port, "/api/health/ready").ok().filter(|answer| answer.starts_with("HTTP/1.1 200"))
        });
        ready.ok_or("the installed server never answered /api/health/ready with 200")?;
        let home = get(port, "/")?;
        if !(home.starts_with("HTTP/1.1 200") && home.contains("Buone pratiche")) {
            return Err(format!("the installed server's home page: {}", home.lines().next().unwrap_or_default()));
        }
        let database = Path::new("/var/lib/buone-pratiche/buone-pratiche.sqlite");
        let owner = std::os::unix::fs::MetadataExt::uid(
            &database.metadata().map_err(|e| format!("{}: {e}", database.display()))?,
        );
        let user = output(Command::new("id").args(["-u", NAME]))?;
        if owner.to_string() != user {
            return Err(format!("the database belongs to uid {owner}, not to {NAME} ({user})"));
        }
        Ok(())
    })();
    let _ = Command::new("kill").arg(server.id().to_string()).status();
    let _ = server.wait();
    answered
}

/// A GET on this machine's `port`, the whole answer as text.
fn get(port: u16, path: &str) -> Result<String, String> {
    let mut stream = std::net::TcpStream::connect(("127.0.0.1", port)).map_err(|e| e.to_string())?;
    stream.set_read_timeout(Some(std::time::Duration::from_secs(10))).map_err(|e| e.to_string())?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n").map_err(|e| e.to_string())?;
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).map_err(|e| e.to_string())?;
    Ok(String::from_utf8_lossy(&answer).into_owned())
}

fn server_version(root: &Path) -> Result<String, String> {
    let manifest = std::fs::read_to_string(root.join("crates/server/Cargo.toml")).map_err(|e| e.to_string())?;
    manifest
        .lines()
        .find_map(|line| line.strip_prefix("version = \"")?.strip_suffix('"').map(str::to_owned))
        .ok_or_else(|| "no version in crates/server/Cargo.toml".into())
}

fn output(command: &mut Command) -> Result<String, String> {
    let shown = format!("{command:?}");
    let out = command.output().map_err(|e| format!("cannot start {shown}: {e}"))?;
    if !out.status.success() {
        return Err(format!("{shown} failed: {}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn write(path: &Path, text: &str) -> Result<(), String> {
    std::fs::write(path, text).map_err(|e| format!("{}: {e}", path.display()))
}

fn set_mode(path: &Path, mode: u32) -> Result<(), String> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode))
        .map_err(|e| format!("{}: {e}", path.display()))
}

fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    for entry in std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))? {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_tree(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|e| format!("{}: {e}", target.display()))?;
            set_mode(&target, 0o644)?;
        }
    }
    Ok(())
}
