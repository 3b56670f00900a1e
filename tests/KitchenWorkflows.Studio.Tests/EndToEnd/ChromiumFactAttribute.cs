namespace KitchenWorkflows.Studio.Tests.EndToEnd;

/// <summary>A browser test: skipped, with the reason, where Debian's Chromium is not installed (ops/test-deps.sh installs it).</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public ChromiumFactAttribute()
    {
        if (!File.Exists(Browser.ChromiumPath))
        {
            Skip = $"Chromium is not installed at {Browser.ChromiumPath} (set KW_CHROMIUM, or run ops/test-deps.sh as root).";
        }
    }
}
