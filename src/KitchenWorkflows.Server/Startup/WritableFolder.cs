namespace KitchenWorkflows.Server.Startup;

/// <summary>A folder the server must create and write in (the SQLite files, the data-protection key ring).</summary>
internal static class WritableFolder
{
    /// <exception cref="StartupFailure">The folder cannot be created, or a file cannot be written in it.</exception>
    public static void Verify(string folder, string setting, string purpose)
    {
        var path = Path.GetFullPath(folder);
        try
        {
            Directory.CreateDirectory(path);
            // Creating the folder succeeds when it exists, however read-only it is: only a write tells.
            var probe = Path.Combine(path, $".write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupFailure(
                $"Cannot create or write {purpose} '{path}' ({StartupFailures.OneLine(ex.Message)}). " +
                $"Give the server's user write access to it, or point {setting} at a folder it may write, and start again.", ex);
        }
    }
}
