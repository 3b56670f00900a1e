using System.Diagnostics;

namespace KitchenWorkflows.Server.IntegrationTests.Abuse;

/// <summary>
/// A small tmpfs of its own, mounted for a test (read-only if asked) and filled on demand: a real full disk under a real server, not a
/// simulated error. Mounting needs root, which the test script has in CI; elsewhere the tests skip with the reason.
/// </summary>
internal sealed class FullDisk : IDisposable
{
    private const string Size = "48m";

    private FullDisk(string path) => Path = path;

    public string Path { get; }

    private string Filler => System.IO.Path.Combine(Path, "filler");

    /// <summary>Why the tests cannot run here, or null.</summary>
    public static string? Unavailable { get; } = Environment.UserName == "root" && File.Exists("/usr/bin/mount") ? null : "mounting a tmpfs needs root and mount";

    /// <param name="readOnly">Mount it read-only: nothing can be written at all.</param>
    public static FullDisk Mount(bool readOnly = false)
    {
        var path = Directory.CreateDirectory(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "kw-full-" + Guid.NewGuid().ToString("N")[..8])).FullName;
        Run("mount", "-t", "tmpfs", "-o", $"size={Size}{(readOnly ? ",ro" : "")}", "tmpfs", path);
        return new FullDisk(path);
    }

    /// <summary>Takes every free byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(Filler, FileMode.Create);
        var block = new byte[1 << 20];
        try
        {
            while (true)
            {
                filler.Write(block);
            }
        }
        catch (IOException)
        {
            // The disk is full: what the test wants.
        }
    }

    public void MakeRoom() => File.Delete(Filler);

    public void Dispose()
    {
        Run("umount", "-l", Path);
        Directory.Delete(Path, recursive: true);
    }

    private static void Run(string command, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(command, arguments) { RedirectStandardError = true })!;
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', arguments)}: {process.StandardError.ReadToEnd()}");
        }
    }
}

/// <summary>A fact that needs <see cref="FullDisk"/>.</summary>
internal sealed class FullDiskFactAttribute : FactAttribute
{
    public FullDiskFactAttribute() => Skip = FullDisk.Unavailable;
}
