namespace KitchenWorkflows.Persistence.Instances;

/// <summary>Where a page of a list starts.</summary>
internal static class PageOffset
{
    /// <summary>
    /// The rows before page <paramref name="page"/> (from 1) of <paramref name="pageSize"/> rows. Computed in 64 bits:
    /// in 32 a far page overflows (page 2147483647 of 500 wrapped to a negative offset, which answered page 1). An offset
    /// beyond <see cref="int.MaxValue"/>, the most a query can skip, is past the end of any list, so it is bounded there
    /// and such a page is empty, like every page past the end.
    /// </summary>
    public static int Of(int page, int pageSize) => (int)Math.Clamp((page - 1L) * pageSize, 0, int.MaxValue);
}
