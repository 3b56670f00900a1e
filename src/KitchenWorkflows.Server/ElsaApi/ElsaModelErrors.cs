using KitchenWorkflows.Engine.Validation;

namespace KitchenWorkflows.Server.ElsaApi;

/// <summary>
/// Definition errors at their place in the request body: Elsa's bodies wrap the definition (<c>{ "model": … }</c>),
/// so a problem the reader or validator reports at <c>$.root…</c> is answered at <c>$.model.root…</c>.
/// </summary>
internal static class ElsaModelErrors
{
    public static async Task<T> AtAsync<T>(string path, Func<Task<T>> work)
    {
        try
        {
            return await work();
        }
        catch (WorkflowDefinitionException ex)
        {
            throw new WorkflowDefinitionException([.. ex.Errors.Select(e => e with { Path = path + e.Path[1..] })]);
        }
    }
}
