using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Platform.Files;
using CivicGrid.Web.Platform;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CivicGrid.Web.Cases;

/// <summary>Uploads (photos, PDF) and downloads of case attachments.</summary>
public static class AttachmentApi
{
    private const long FormOverhead = 64 * 1024;

    /// <summary>The local store under <c>{DataDir}/files</c>; the size limit from <c>CivicGrid:Files:MaxBytes</c> (default 10 MB).</summary>
    public static Func<IServiceProvider, FileStoreOptions> FileOptions(IConfiguration configuration)
    {
        var maxBytes = configuration.GetValue<long?>("CivicGrid:Files:MaxBytes") ?? FileStoreOptions.DefaultMaxBytes;
        return sp => new FileStoreOptions(Path.Combine(sp.GetRequiredService<IOptions<CivicGridOptions>>().Value.DataDir, "files"), maxBytes);
    }

    public static void MapAttachmentApi(this RouteGroupBuilder api)
    {
        var files = api.MapGroup("/files").RequireAuthorization().WithTags("附件");
        files.MapPost("/", Upload).DisableAntiforgery().WithSummary("上传照片或文件（multipart，字段 file；按内容识别类型，去除 EXIF）");
        files.MapGet("/{id}", Download).WithSummary("下载文件（公开副本；工作人员可加 ?original=true 取原件）");
        files.MapGet("/{id}/thumbnail", Thumbnail).WithSummary("图片缩略图（最长边 320 像素）");
    }

    private static async Task<IResult> Upload(HttpContext http, UploadFile upload, AccessScope scope, CancellationToken ct)
    {
        var limit = upload.MaxBytes;
        if (http.Request.ContentLength > limit + FormOverhead)
        {
            return TooLarge(limit);
        }

        if (!http.Request.HasFormContentType)
        {
            return Problems.BadRequest("请以 multipart/form-data 上传，文件放在字段 file 中。");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit + FormOverhead;
        }

        IFormFile? file;
        try
        {
            var form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + FormOverhead }, ct);
            file = form.Files.GetFile("file") ?? (form.Files.Count > 0 ? form.Files[0] : null);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return TooLarge(limit);
        }

        if (file is null)
        {
            return Problems.BadRequest("没有收到文件：请把文件放在表单字段 file 中。");
        }

        if (file.Length > limit)
        {
            return TooLarge(limit);
        }

        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var outcome = await upload.HandleAsync(scope, buffer.ToArray(), file.FileName, ct);
        if (outcome.Problems is [{ Where: UploadFile.TooLarge }, ..])
        {
            return TooLarge(limit);
        }

        if (outcome.Problems is [{ Where: "file" } problem, ..])
        {
            return Problems.BadRequest(problem.Message);
        }

        return outcome.ToHttp(v => v, v => v.Url);
    }

    private static Task<IResult> Download(string id, bool? original, FileDownloads downloads, AccessScope scope, CancellationToken ct) =>
        Serve(id, original == true ? FileVariant.Original : FileVariant.Public, downloads, scope, ct);

    private static Task<IResult> Thumbnail(string id, FileDownloads downloads, AccessScope scope, CancellationToken ct) =>
        Serve(id, FileVariant.Thumbnail, downloads, scope, ct);

    private static async Task<IResult> Serve(string id, FileVariant variant, FileDownloads downloads, AccessScope scope, CancellationToken ct)
    {
        FileDownload? file;
        try
        {
            file = await downloads.OpenAsync(scope, id, variant, ct);
        }
        catch (UnauthorizedAccessException ex)
        {
            return Problems.Forbidden(ex.Message);
        }

        if (file is null)
        {
            return Problems.NotFound(variant == FileVariant.Thumbnail ? "该文件没有缩略图或不存在。" : "文件不存在。");
        }

        return new FileResultWithHeaders(TypedResults.Stream(file.Content, file.ContentType, entityTag: new EntityTagHeaderValue(file.ETag)),
            variant == FileVariant.Original);
    }

    private static IResult TooLarge(long limit) =>
        Problems.Create(413, "payload-too-large", "内容过大", $"文件不能超过 {limit / 1024.0 / 1024.0:0.#} MB。");

    /// <summary>Immutable content (the id is its hash); never sniffed; the original is not kept by shared caches.</summary>
    private sealed class FileResultWithHeaders(IResult inner, bool isOriginal) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            var headers = httpContext.Response.Headers;
            headers.CacheControl = isOriginal ? "private, no-store" : "private, max-age=31536000, immutable";
            headers.XContentTypeOptions = "nosniff";
            return inner.ExecuteAsync(httpContext);
        }
    }
}
