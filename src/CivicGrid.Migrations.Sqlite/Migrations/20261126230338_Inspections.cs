using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Inspections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "inspection_plans",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Cadence = table.Column<int>(type: "INTEGER", nullable: false),
                    StartDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    RegionCodes = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CategoryCodes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    PointCodes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    SamplePerCategory = table.Column<int>(type: "INTEGER", nullable: true),
                    Assignees = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_plans", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "inspections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SubmissionKey = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    TaskId = table.Column<long>(type: "INTEGER", nullable: true),
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    PointName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    CategoryCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ResponsibleUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    CorrectsId = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectorUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InspectorName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Lon = table.Column<double>(type: "REAL", nullable: true),
                    Lat = table.Column<double>(type: "REAL", nullable: true),
                    DistanceMeters = table.Column<double>(type: "REAL", nullable: true),
                    LocationWarning = table.Column<bool>(type: "INTEGER", nullable: false),
                    EarnedPoints = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    TotalPoints = table.Column<decimal>(type: "TEXT", precision: 8, scale: 2, nullable: false),
                    ScoreRate = table.Column<double>(type: "REAL", nullable: false),
                    FailedItems = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspections_inspection_points_PointId",
                        column: x => x.PointId,
                        principalTable: "inspection_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_tasks",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    PlanId = table.Column<int>(type: "INTEGER", nullable: true),
                    PointId = table.Column<int>(type: "INTEGER", nullable: false),
                    PointCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: false),
                    ResponsibleUnitId = table.Column<int>(type: "INTEGER", nullable: false),
                    ScheduledDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Assignees = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    SourceCaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    InspectionId = table.Column<long>(type: "INTEGER", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_tasks_inspection_plans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "inspection_plans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_inspection_tasks_inspection_points_PointId",
                        column: x => x.PointId,
                        principalTable: "inspection_points",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "inspection_items",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    InspectionId = table.Column<long>(type: "INTEGER", nullable: false),
                    StandardCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Points = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: true),
                    Earned = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: false),
                    CaseCategoryCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Photos = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CaseId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReinspectionTaskId = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_inspection_items", x => x.Id);
                    table.ForeignKey(
                        name: "FK_inspection_items_inspections_InspectionId",
                        column: x => x.InspectionId,
                        principalTable: "inspections",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_inspection_items_CaseId",
                table: "inspection_items",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_items_InspectionId",
                table: "inspection_items",
                column: "InspectionId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_tasks_PlanId_ScheduledDate_PointId",
                table: "inspection_tasks",
                columns: new[] { "PlanId", "ScheduledDate", "PointId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspection_tasks_PointId",
                table: "inspection_tasks",
                column: "PointId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_tasks_SourceCaseId",
                table: "inspection_tasks",
                column: "SourceCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_inspection_tasks_Status_DueDate",
                table: "inspection_tasks",
                columns: new[] { "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_CorrectsId",
                table: "inspections",
                column: "CorrectsId");

            migrationBuilder.CreateIndex(
                name: "IX_inspections_PointId_SubmittedAt",
                table: "inspections",
                columns: new[] { "PointId", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_inspections_SubmissionKey",
                table: "inspections",
                column: "SubmissionKey",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_inspections_SubmittedAt",
                table: "inspections",
                column: "SubmittedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "inspection_items");

            migrationBuilder.DropTable(
                name: "inspection_tasks");

            migrationBuilder.DropTable(
                name: "inspections");

            migrationBuilder.DropTable(
                name: "inspection_plans");
        }
    }
}
