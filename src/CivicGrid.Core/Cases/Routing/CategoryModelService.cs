using CivicGrid.Data;
using CivicGrid.Platform.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CivicGrid.Cases.Routing;

public enum ModelState
{
    /// <summary>No model yet: suggestions come from keyword matching.</summary>
    None = 0,
    Ready = 1,
    Training = 2,
    Failed = 3,
}

/// <summary>What <c>GET /api/v1/routing/model</c> shows.</summary>
public sealed record ModelStatus(
    string State, string StateName, bool Training, DateTimeOffset? TrainedAt, int Classes, int CatalogExamples, int CaseExamples,
    double? TrainingSeconds, DateTimeOffset? StartedAt, string? Error, string Message);

/// <summary>
/// Holds the current category model: loads it from disk on start, retrains it in the background (one run at a time)
/// and swaps it in atomically, so suggestions never wait for training.
/// </summary>
public sealed class CategoryModelService(
    IDbContextFactory<AppDbContext> dbFactory, IOptions<RoutingOptions> options, TimeProvider clock, ILogger<CategoryModelService> log)
{
    private readonly Lock _gate = new();
    private volatile CategoryModel? _model;
    private Task? _running;
    private DateTimeOffset? _trainedAt;
    private DateTimeOffset? _startedAt;
    private int _catalogExamples;
    private int _caseExamples;
    private double? _seconds;
    private string? _error;

    public CategoryModel? Current => _model;

    public string? ModelPath => options.Value.ModelPath;

    /// <summary>Loads the saved model (teaching jieba the catalog words first); false when there is none.</summary>
    public async Task<bool> LoadAsync(CancellationToken ct = default)
    {
        var path = ModelPath;
        if (path is null || !File.Exists(path))
        {
            return false;
        }

        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var catalog = await CategoryTrainingSet.LoadCatalogAsync(db, ct);
            ChineseText.AddWords(catalog.Keywords);
        }

        try
        {
            _model = CategoryModel.Load(path);
            _trainedAt = new DateTimeOffset(File.GetLastWriteTimeUtc(path), TimeSpan.Zero);
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or InvalidDataException or IOException or FormatException)
        {
            log.LogWarning(ex, "分类模型文件 {Path} 无法读取，将重新训练。", path);
            return false;
        }
    }

    /// <summary>Starts a training run in the background unless one is running; false when one already was.</summary>
    public bool StartRetrain(out Task run)
    {
        lock (_gate)
        {
            if (_running is { IsCompleted: false } busy)
            {
                run = busy;
                return false;
            }

            _startedAt = clock.GetUtcNow();
            _error = null;
            _running = run = Task.Run(() => TrainAsync(CancellationToken.None));
            return true;
        }
    }

    /// <summary>Trains now, on the caller's thread, and swaps the model in.</summary>
    public async Task TrainAsync(CancellationToken ct)
    {
        var started = clock.GetTimestamp();
        try
        {
            CategoryTrainingSet set;
            await using (var db = await dbFactory.CreateDbContextAsync(ct))
            {
                set = await CategoryTrainingSet.LoadAsync(db, options.Value.MaxTrainingCases, ct);
            }

            ChineseText.AddWords(set.Keywords);
            var model = CategoryModel.Train(set.Examples, set.Names);
            if (ModelPath is { } path)
            {
                model.Save(path);
            }

            _model = model;
            _trainedAt = clock.GetUtcNow();
            _caseExamples = set.CaseExamples;
            _catalogExamples = set.Examples.Count - set.CaseExamples;
            _seconds = Math.Round(clock.GetElapsedTime(started).TotalSeconds, 2);
            if (log.IsEnabled(LogLevel.Information))
            {
                log.LogInformation("分类模型已训练：{Classes} 个分类，{Cases} 条人工分类案卷，用时 {Seconds} 秒。", model.Classes, set.CaseExamples, _seconds);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            _error = ex.Message;
            log.LogError(ex, "分类模型训练失败。");
        }
    }

    public ModelStatus Status()
    {
        var training = _running is { IsCompleted: false };
        var model = _model;
        var state = training ? ModelState.Training : _error is not null ? ModelState.Failed : model is null ? ModelState.None : ModelState.Ready;
        var (name, message) = state switch
        {
            ModelState.Training => ("训练中", "正在训练分类模型，当前仍使用" + (model is null ? "关键词匹配。" : "上一版模型。")),
            ModelState.Failed => ("训练失败", "最近一次训练失败：" + _error),
            ModelState.None => ("未训练", "尚无分类模型，暂按关键词匹配推荐分类。"),
            _ => ("就绪", $"分类模型就绪：{model!.Classes} 个分类。"),
        };
        return new ModelStatus(state.ToString(), name, training, _trainedAt, model?.Classes ?? 0, _catalogExamples, _caseExamples, _seconds,
            _startedAt, _error, message);
    }
}
