using CivicGrid.Accounts;
using CivicGrid.Platform;
using CivicGrid.Safety.Detections;
using Microsoft.Extensions.Logging;

namespace CivicGrid.Safety.Detectors;

/// <summary>The body of <c>POST /api/v1/safety/detectors/run</c>: a camera's snapshot (base64 JPEG) and which detector (all when empty).</summary>
public sealed record RunDetectorsRequest(string? CameraCode, string? Snapshot, DateTimeOffset? OccurredAt = null, string? Detector = null);

/// <summary>One detection a detector posted, and what the camera's rules made of it.</summary>
public sealed record DetectorEvent(string Detector, string Type, string TypeName, double Confidence, IReadOnlyList<DetectionBoxRequest> Boxes, bool Accepted, long? WarningId);

public sealed record DetectorRun(IReadOnlyList<DetectorEvent> Events, IReadOnlyList<DetectorStatus> Unavailable);

/// <summary>
/// Runs the platform's detectors on a snapshot of a camera and posts what they find through <see cref="IngestDetection"/>,
/// exactly as a camera system would post it (same checks, rules, warnings and stored snapshot), as the calling user.
/// </summary>
public sealed class RunDetectors(DetectorCatalog catalog, CameraDirectory cameras, IngestDetection ingest, TimeProvider clock, ILogger<RunDetectors> log)
{
    public async Task<Outcome<DetectorRun>> HandleAsync(AccessScope scope, RunDetectorsRequest request, CancellationToken ct = default)
    {
        var problems = new List<Problem>();
        if (string.IsNullOrWhiteSpace(request.CameraCode))
        {
            problems.Add(new("cameraCode", "请选择摄像头（cameraCode）。"));
        }

        byte[]? jpeg = null;
        if (string.IsNullOrWhiteSpace(request.Snapshot))
        {
            problems.Add(new("snapshot", "请上传抓拍图片（snapshot，Base64 编码的 JPEG）。"));
        }
        else
        {
            jpeg = IngestDetection.DecodeSnapshot(request.Snapshot, out var error);
            if (error is not null)
            {
                problems.Add(new("snapshot", error));
            }
        }

        ISnapshotDetector? chosen = null;
        if (!string.IsNullOrWhiteSpace(request.Detector) && (chosen = catalog.Find(request.Detector.Trim())) is null)
        {
            problems.Add(new("detector", "检测器无效，可选：" + string.Join("、", catalog.All.Select(d => d.Name)) + "。"));
        }

        if (problems.Count > 0)
        {
            return Outcome<DetectorRun>.Invalid(problems);
        }

        var camera = await cameras.FindAsync(request.CameraCode!.Trim(), ct);
        if (camera is null)
        {
            return Outcome<DetectorRun>.NotFound($"摄像头 {request.CameraCode} 未登记或已停用。");
        }

        if (!SafetyAccess.CanSee(scope, camera.EnterpriseId, camera.EnterpriseRegionCode))
        {
            return Outcome<DetectorRun>.Forbidden($"无权对摄像头 {camera.Code} 运行检测。");
        }

        var statuses = (chosen is null ? catalog.All : [chosen]).Select(d => (Detector: d, d.Status)).ToList();
        if (chosen is not null && !statuses[0].Status.Available)
        {
            return Outcome<DetectorRun>.Conflict(statuses[0].Status.Message);
        }

        var at = request.OccurredAt ?? clock.GetUtcNow();
        var snapshot = Convert.ToBase64String(jpeg!);
        var events = new List<DetectorEvent>();
        foreach (var (detector, _) in statuses.Where(s => s.Status.Available))
        {
            IReadOnlyList<DetectorFinding> findings;
            try
            {
                findings = await detector.DetectAsync(jpeg!, camera, ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogError(ex, "检测器 {Detector} 在摄像头 {Camera} 的抓拍上运行失败", detector.Name, camera.Code);
                return Outcome<DetectorRun>.Invalid("snapshot", $"检测器「{detector.Title}」无法处理这张图片：{ex.Message}");
            }

            foreach (var finding in findings)
            {
                var boxes = finding.Boxes.Select(b => new DetectionBoxRequest(b.X, b.Y, b.W, b.H)).ToList();
                var posted = new DetectionRequest(camera.Code, DetectionTypes.Code(finding.Type), at, finding.Confidence, boxes, snapshot);
                var answer = await ingest.HandleAsync(new DetectionCaller(scope, null), posted, ct);
                if (!answer.Succeeded)
                {
                    return answer.Fail<DetectionAnswer, DetectorRun>();
                }

                events.Add(new DetectorEvent(detector.Name, DetectionTypes.Code(finding.Type), DetectionTypes.Name(finding.Type), finding.Confidence,
                    boxes, answer.Value!.Accepted, answer.Value.WarningId));
            }
        }

        return Outcome<DetectorRun>.Ok(new DetectorRun(events, statuses.Where(s => !s.Status.Available).Select(s => s.Status).ToList()));
    }
}
