using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CodeRoom.Api.Infrastructure;

/// <summary>Serves the exported Next.js site (web/out) on the same origin: plain files, index.html per folder.</summary>
internal static class StaticWeb
{
    public static void UseCodeRoomWeb(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<ContentOptions>>().Value;
        var root = ConfigurationSetup.ResolvePath(app.Environment.ContentRootPath, options.WebRoot);
        if (Directory.Exists(root))
        {
            var files = new PhysicalFileProvider(root);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            return;
        }
        app.Logger.LogWarning("The web UI is not built ({WebRoot} is missing); the API works, / shows a notice", root);
        app.MapGet("/", () => TypedResults.Text(
            "CodeRoom API is running. The web UI is not built: run the web build (web/ -> web/out) and restart.\n" +
            "API reference: /scalar   OpenAPI: /openapi/v1.json   Health: /healthz\n", "text/plain")).ExcludeFromDescription();
    }
}
