using CivicGrid.Platform;

namespace CivicGrid.Safety;

/// <summary>Checks a hazard as entered and writes it, with its assessment, onto the entity (shared by the form and the Excel import).</summary>
public static class HazardRules
{
    public static void Apply(Hazard hazard, HazardInput input, RiskBands bands, List<Problem> problems)
    {
        var name = input.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
        {
            problems.Add(new("name", "请填写危险源（风险点）描述（不超过 200 字）。"));
        }

        if (input.AreaId is null && input.TaskStepId is null)
        {
            problems.Add(new("areaId", "请指定危险源所在的区域或作业步骤。"));
        }

        var texts = new[] { input.AccidentType, input.EngineeringControls, input.ManagementControls, input.TrainingControls, input.PpeControls, input.EmergencyControls, input.Owner };
        if (texts.Any(t => t?.Length > 1000))
        {
            problems.Add(new("controls", "管控措施等文字每项不超过 1000 字。"));
        }

        var method = RiskLevels.ParseMethod(input.Method);
        RiskAssessment? assessment = null;
        if (method is null)
        {
            problems.Add(new("method", "评价方法无效，可选：LEC、风险矩阵。"));
        }
        else
        {
            var own = new List<Problem>();
            assessment = method == RiskMethod.Lec
                ? RiskAssessment.Lec(input.Likelihood, input.Exposure, input.Consequence, bands, own)
                : RiskAssessment.Matrix(input.Likelihood, input.Severity, bands, own);
            problems.AddRange(own);
        }

        if (problems.Count > 0 || assessment is null)
        {
            return;
        }

        hazard.Name = name!;
        hazard.AreaId = input.AreaId;
        hazard.TaskStepId = input.TaskStepId;
        hazard.AccidentType = Clean(input.AccidentType);
        hazard.Method = assessment.Method;
        hazard.Likelihood = input.Likelihood!.Value;
        hazard.Exposure = assessment.Method == RiskMethod.Lec ? input.Exposure : null;
        hazard.Consequence = assessment.Method == RiskMethod.Lec ? input.Consequence : null;
        hazard.Severity = assessment.Method == RiskMethod.Matrix ? input.Severity : null;
        hazard.Score = assessment.Score;
        hazard.Level = assessment.Level;
        hazard.EngineeringControls = Clean(input.EngineeringControls);
        hazard.ManagementControls = Clean(input.ManagementControls);
        hazard.TrainingControls = Clean(input.TrainingControls);
        hazard.PpeControls = Clean(input.PpeControls);
        hazard.EmergencyControls = Clean(input.EmergencyControls);
        hazard.Owner = Clean(input.Owner);
        hazard.ReviewDate = input.ReviewDate;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
