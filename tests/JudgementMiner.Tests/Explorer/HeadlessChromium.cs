using System.Diagnostics;
using OpenQA.Selenium.Chrome;

namespace JudgementMiner.Tests.Explorer;

/// <summary>
/// Debian's Chromium, driven headless through the system ChromeDriver (Selenium). When either is missing it runs the
/// project's <c>scripts/install-browser.sh</c> first (root or sudo and the Debian mirror needed), so a fresh machine
/// needs no other step. Chromium is started without background networking: the page under test needs no network.
/// </summary>
public sealed class HeadlessChromium : IDisposable
{
    public const string Browser = "/usr/bin/chromium";
    public const string Driver = "/usr/bin/chromedriver";

    private readonly TempDirectory _profile = new();

    public HeadlessChromium()
    {
        if (!File.Exists(Browser) || !File.Exists(Driver)) Install();
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(Driver)!, Path.GetFileName(Driver));
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1400,1000", $"--user-data-dir={_profile.Path}");
        WebDriver = new ChromeDriver(service, options, TimeSpan.FromSeconds(120));
    }

    public ChromeDriver WebDriver { get; }

    private static void Install()
    {
        var script = Path.Combine(Fixtures.RepoRoot, "scripts", "install-browser.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 || !File.Exists(Browser) || !File.Exists(Driver))
            throw new InvalidOperationException($"Chromium and ChromeDriver are needed for the explorer test and {script} could not install them:\n{output}");
    }

    public void Dispose()
    {
        WebDriver.Quit();
        _profile.Dispose();
    }
}
