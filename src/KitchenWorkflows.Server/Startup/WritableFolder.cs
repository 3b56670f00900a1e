using KitchenWorkflows.Persistence.Store;

namespace KitchenWorkflows.Server.Startup;

/// <summary>A folder the server must create and write in (the SQLite files, the data-protection key ring).</summary>
internal static class WritableFolder
{
    private const int ProbeBytes = 4096;

    /// <exception cref="StartupFailure">The folder cannot be created, or a file cannot be written in it.</exception>
    public static void Verify(string folder, string setting, string purpose)
    {
        var path = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(path);
            // Creating the folder succeeds when it exists, however read-only it is: only a write tells, and only a write
            // of some bytes tells a full disk (an empty file needs no space).
            var probe = Path.Combine(path, $".write-check-{Environment.ProcessId}");
            try
            {
                File.WriteAllBytes(probe, new byte[ProbeBytes]);
            }
            finally
            {
                File.Delete(probe);
            }
        }
        catch (IOException ex) when (StorageFault.Describe(ex) is not null)
        {
            throw new StartupFailure(
                $"Cannot write {purpose} '{path}': its disk is full or read-only ({StartupFailures.OneLine(ex.Message)}). " +
                $"Make room on the disk (or make it writable), or point {setting} at another folder, and start again.", ex);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailure(
                $"Cannot create or write {purpose} '{path}' ({StartupFailures.OneLine(ex.Message)}). " +
                $"Give the server's user write access to it, or point {setting} at a folder it may write, and start again.", ex);
        }
    }
}
