using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace KitchenWorkflows.Server.ElsaStudio;

/// <summary>
/// The files of Elsa Studio's npm package, which the build copies to <c>elsa-studio/</c> beside the server: the Blazor
/// WebAssembly runtime, its assemblies and the libraries' scripts and styles. Served by this endpoint rather than by the
/// static web assets pipeline, which would fingerprint and compress the package's 1,000 files again at every build;
/// the package ships each one already compressed (<c>.br</c>, <c>.gz</c>), and the variant the browser accepts is sent.
/// </summary>
internal sealed class ElsaStudioFiles
{
    private static readonly FileExtensionContentTypeProvider ContentTypes = CreateContentTypes();

    private readonly PhysicalFileProvider? _files;

    public ElsaStudioFiles(string folder)
    {
        Folder = folder;
        _files = Directory.Exists(folder) ? new PhysicalFileProvider(folder) : null;
    }

    /// <summary>Where the package's files are looked for: <c>elsa-studio/</c> in the folder the server runs from.</summary>
    public static ElsaStudioFiles Beside(string baseDirectory) => new(Path.Combine(baseDirectory, "elsa-studio"));

    public string Folder { get; }

    /// <summary>Whether the build brought the package (it builds without it when npm's registry was out of reach).</summary>
    public bool Present => _files?.GetFileInfo("_framework/blazor.webassembly.js").Exists == true;

    public IResult Serve(HttpContext context, string path)
    {
        // The provider refuses paths that leave its folder; dotted or hidden names are never part of the package's web files.
        if (_files is null || !ContentTypes.TryGetContentType(path, out var contentType) || _files.GetFileInfo(path) is not { Exists: true } file)
        {
            return Results.NotFound();
        }

        var accepted = context.Request.GetTypedHeaders().AcceptEncoding;
        var (served, encoding) = Compressed(path, accepted, "br") ?? Compressed(path, accepted, "gzip") ?? (file, null);
        var headers = context.Response.Headers;
        headers.Append(HeaderNames.Vary, HeaderNames.AcceptEncoding);
        if (encoding is not null)
        {
            headers.ContentEncoding = encoding;
        }

        // The runtime's own names (blazor.webassembly.js, dotnet.js) are not fingerprinted: ask before reusing a copy.
        headers.CacheControl = "no-cache";
        var etag = new EntityTagHeaderValue($"\"{served.Length:x}-{served.LastModified.ToUnixTimeSeconds():x}{encoding}\"");
        return Results.File(served.PhysicalPath!, contentType, lastModified: served.LastModified, entityTag: etag);
    }

    private (IFileInfo File, string? Encoding)? Compressed(string path, IList<StringWithQualityHeaderValue> accepted, string encoding)
    {
        var suffix = encoding == "br" ? ".br" : ".gz";
        return accepted.Any(a => a.Value.Equals(encoding, StringComparison.OrdinalIgnoreCase) && a.Quality != 0)
            && _files!.GetFileInfo(path + suffix) is { Exists: true } file
            ? (file, encoding)
            : null;
    }

    private static FileExtensionContentTypeProvider CreateContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        // The WebAssembly runtime's data (ICU) and its resources; .wasm must be application/wasm for streaming compilation.
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".dat"] = "application/octet-stream";
        provider.Mappings[".blat"] = "application/octet-stream";
        provider.Mappings[".webmanifest"] = "application/manifest+json";
        provider.Mappings[".map"] = "application/json";
        provider.Mappings[".cur"] = "image/x-icon";
        return provider;
    }
}
