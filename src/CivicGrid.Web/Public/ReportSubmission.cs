using CivicGrid.Accounts;
using CivicGrid.Cases.Attachments;
using CivicGrid.Platform;
using CivicGrid.Public;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace CivicGrid.Web.Public;

/// <summary>What became of a submitted 随手拍 form: the case, or the form back with Chinese problems per field.</summary>
public sealed record ReportSubmissionResult(
    int Status, SubmittedReport? Report, ReportFormValues Values, IReadOnlyDictionary<string, string> Errors, string? Notice = null,
    TimeSpan? RetryAfter = null)
{
    public bool Succeeded => Report is not null;
}

/// <summary>
/// Reads the 随手拍 form (the page's own fetch and the plain HTML post send the same fields), stores its photos through
/// the attachment store (type by content, size limit, EXIF removed from the public copy), applies the address and phone
/// limits, and hands the report to <see cref="SubmitPublicReport"/>. Photos already stored stay with a refused form.
/// </summary>
public sealed class ReportSubmission(UploadFile upload, SubmitPublicReport submit, PublicSubmissionLimits limits, IOptions<PublicOptions> options)
{
    private const long FormOverhead = 256 * 1024;

    public int MaxPhotos => Math.Max(1, options.Value.MaxPhotos);

    public long MaxPhotoBytes => upload.MaxBytes;

    public string MaxPhotoText => $"{upload.MaxBytes / 1024.0 / 1024.0:0.#} MB";

    public async Task<ReportSubmissionResult> HandleAsync(HttpContext http, CancellationToken ct)
    {
        var limit = (MaxPhotos * upload.MaxBytes) + FormOverhead;
        var fresh = new ReportFormValues(ReportFormValues.NewKey());
        if (http.Request.ContentLength > limit)
        {
            return TooLarge(fresh);
        }

        if (!http.Request.HasFormContentType)
        {
            return new(400, null, fresh, new Dictionary<string, string>(), "请通过随手拍页面提交。");
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        IFormCollection form;
        try
        {
            form = await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit }, ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or BadHttpRequestException)
        {
            return TooLarge(fresh);
        }

        var values = ReportFormValues.FromForm(form);
        if (limits.TryAcquire(http, values.Phone) is { } refusal)
        {
            return new(429, null, values, new Dictionary<string, string>(), refusal.Message, refusal.RetryAfter);
        }

        var errors = new Dictionary<string, string>();
        var photos = values.Photos.ToList();
        await StorePhotosAsync(form.Files.GetFiles("photo"), photos, errors, ct);
        values = values with { PhotoIds = photos };

        var (lon, lat, problem) = values.Location();
        if (problem is not null)
        {
            errors.TryAdd("location", problem.Message);
        }
        else if (lon is null && values.Address is null && values.PointName is null)
        {
            errors.TryAdd("location", "请在地图上标出问题的位置，或填写详细地址。");
        }

        if (values.Description is null)
        {
            errors.TryAdd("description", "请描述一下遇到的问题。");
        }

        if (values.Phone is not null && !PersonalData.IsPhone(values.Phone))
        {
            errors.TryAdd("phone", "手机号格式不正确，请填写 11 位手机号（也可以不填）。");
        }

        if (errors.Count > 0)
        {
            return new(400, null, values, errors, "请按提示修改后再提交。");
        }

        var outcome = await submit.HandleAsync(values.ToRequest(lon, lat, photos), ct);
        if (outcome.Succeeded)
        {
            return new(outcome.Status == OutcomeStatus.Created ? 201 : 200, outcome.Value, values, errors);
        }

        foreach (var p in outcome.Problems)
        {
            errors.TryAdd(Field(p.Where), p.Message);
        }

        return new(outcome.Status == OutcomeStatus.Conflict ? 409 : 400, null, values, errors, outcome.Message ?? "请按提示修改后再提交。");
    }

    private async Task StorePhotosAsync(IReadOnlyList<IFormFile> files, List<string> photos, Dictionary<string, string> errors, CancellationToken ct)
    {
        var sent = files.Where(f => f.Length > 0).ToList();
        if (photos.Count + sent.Count > MaxPhotos)
        {
            errors["photo"] = $"最多上传 {MaxPhotos} 张照片。";
            return;
        }

        foreach (var file in sent)
        {
            if (file.Length > upload.MaxBytes)
            {
                errors["photo"] = $"照片“{file.FileName}”太大了：每张不能超过 {MaxPhotoText}。";
                continue;
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, ct);
            var bytes = buffer.ToArray();
            if (bytes.AsSpan().StartsWith("%PDF-"u8))
            {
                errors["photo"] = "只能上传照片（JPEG、PNG、WebP 或 GIF）。";
                continue;
            }

            var stored = await upload.HandleAsync(AccessScope.Anonymous, bytes, file.FileName, ct);
            if (!stored.Succeeded)
            {
                errors["photo"] = stored.Problems is [{ Where: "file" } p, ..] && !p.Message.StartsWith("文件类型不受支持", StringComparison.Ordinal)
                    ? p.Message
                    : $"“{file.FileName}”不是照片：只接受 JPEG、PNG、WebP 或 GIF 格式的图片（按文件内容识别）。";
            }
            else
            {
                photos.Add(stored.Value!.Id);
            }
        }
    }

    private ReportSubmissionResult TooLarge(ReportFormValues values) =>
        new(413, null, values, new Dictionary<string, string> { ["photo"] = $"照片太大了：每张不能超过 {MaxPhotoText}，最多 {MaxPhotos} 张。" },
            "提交的内容过大，请减少或压缩照片后重试。");

    /// <summary>Where the intake's problems show on the form.</summary>
    private static string Field(string where) => where switch
    {
        "description" => "description",
        "lon" or "lat" or "region" or "address" => "location",
        "reporterPhone" or "phone" => "phone",
        "attachments" => "photo",
        "categoryCode" => "category",
        _ => "form",
    };
}
