using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CivicGrid.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SafetyRiskControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_areas",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    ParentAreaId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    PlanX = table.Column<int>(type: "integer", nullable: false),
                    PlanY = table.Column<int>(type: "integer", nullable: false),
                    PlanWidth = table.Column<int>(type: "integer", nullable: false),
                    PlanHeight = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_areas", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_areas_safety_areas_ParentAreaId",
                        column: x => x.ParentAreaId,
                        principalTable: "safety_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_areas_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_incidents",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: true),
                    OccurredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_incidents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_incidents_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_incidents_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_posts",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Duties = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_posts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_posts_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_settings",
                columns: table => new
                {
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    LecMajorAbove = table.Column<double>(type: "double precision", nullable: false),
                    LecLargeAbove = table.Column<double>(type: "double precision", nullable: false),
                    LecGeneralAbove = table.Column<double>(type: "double precision", nullable: false),
                    MatrixMajorFrom = table.Column<int>(type: "integer", nullable: false),
                    MatrixLargeFrom = table.Column<int>(type: "integer", nullable: false),
                    MatrixGeneralFrom = table.Column<int>(type: "integer", nullable: false),
                    RetrainingPoints = table.Column<int>(type: "integer", nullable: false),
                    SafeSince = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_settings", x => x.EnterpriseId);
                    table.ForeignKey(
                        name: "FK_safety_settings_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_violations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    Place = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Type = table.Column<int>(type: "integer", nullable: false),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Rule = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    FoundBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Fine = table.Column<decimal>(type: "numeric(12,2)", precision: 12, scale: 2, nullable: false),
                    Points = table.Column<int>(type: "integer", nullable: false),
                    Retraining = table.Column<int>(type: "integer", nullable: false),
                    RepeatCount = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_violations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_violations_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_violations_safety_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "safety_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_violations_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_violations_units_UnitId",
                        column: x => x.UnitId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_person_posts",
                columns: table => new
                {
                    PersonId = table.Column<int>(type: "integer", nullable: false),
                    PostId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_person_posts", x => new { x.PersonId, x.PostId });
                    table.ForeignKey(
                        name: "FK_safety_person_posts_people_PersonId",
                        column: x => x.PersonId,
                        principalTable: "people",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_safety_person_posts_safety_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "safety_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_tasks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    PostId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_tasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_tasks_safety_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "safety_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_tasks_safety_posts_PostId",
                        column: x => x.PostId,
                        principalTable: "safety_posts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_tasks_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_task_steps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    TaskId = table.Column<int>(type: "integer", nullable: false),
                    Order = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_task_steps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_task_steps_safety_tasks_TaskId",
                        column: x => x.TaskId,
                        principalTable: "safety_tasks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_hazards",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    TaskStepId = table.Column<int>(type: "integer", nullable: true),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    AccidentType = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Method = table.Column<int>(type: "integer", nullable: false),
                    Likelihood = table.Column<double>(type: "double precision", nullable: false),
                    Exposure = table.Column<double>(type: "double precision", nullable: true),
                    Consequence = table.Column<double>(type: "double precision", nullable: true),
                    Severity = table.Column<int>(type: "integer", nullable: true),
                    Score = table.Column<double>(type: "double precision", nullable: false),
                    Level = table.Column<int>(type: "integer", nullable: false),
                    EngineeringControls = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ManagementControls = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    TrainingControls = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    PpeControls = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    EmergencyControls = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Owner = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReviewDate = table.Column<DateOnly>(type: "date", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_hazards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_hazards_safety_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "safety_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_hazards_safety_task_steps_TaskStepId",
                        column: x => x.TaskStepId,
                        principalTable: "safety_task_steps",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_hazards_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_hidden_dangers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    CaseId = table.Column<long>(type: "bigint", nullable: false),
                    EnterpriseId = table.Column<int>(type: "integer", nullable: false),
                    AreaId = table.Column<int>(type: "integer", nullable: true),
                    HazardId = table.Column<int>(type: "integer", nullable: true),
                    Grade = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ResponsiblePerson = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Measures = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Funds = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: true),
                    RectifyBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ContingencyPlan = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EffectEvaluation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ReportedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_hidden_dangers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_hidden_dangers_cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_hidden_dangers_safety_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "safety_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_hidden_dangers_safety_hazards_HazardId",
                        column: x => x.HazardId,
                        principalTable: "safety_hazards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_hidden_dangers_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_areas_EnterpriseId",
                table: "safety_areas",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_areas_ParentAreaId",
                table: "safety_areas",
                column: "ParentAreaId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_hazards_AreaId",
                table: "safety_hazards",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_hazards_EnterpriseId_Level",
                table: "safety_hazards",
                columns: new[] { "EnterpriseId", "Level" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_hazards_TaskStepId",
                table: "safety_hazards",
                column: "TaskStepId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_hidden_dangers_AreaId",
                table: "safety_hidden_dangers",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_hidden_dangers_CaseId",
                table: "safety_hidden_dangers",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_hidden_dangers_EnterpriseId_ReportedAt",
                table: "safety_hidden_dangers",
                columns: new[] { "EnterpriseId", "ReportedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_hidden_dangers_HazardId",
                table: "safety_hidden_dangers",
                column: "HazardId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_EnterpriseId_OccurredOn",
                table: "safety_incidents",
                columns: new[] { "EnterpriseId", "OccurredOn" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_incidents_UnitId",
                table: "safety_incidents",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_person_posts_PostId",
                table: "safety_person_posts",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_posts_EnterpriseId_Name",
                table: "safety_posts",
                columns: new[] { "EnterpriseId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_task_steps_TaskId",
                table: "safety_task_steps",
                column: "TaskId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tasks_AreaId",
                table: "safety_tasks",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tasks_EnterpriseId",
                table: "safety_tasks",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_tasks_PostId",
                table: "safety_tasks",
                column: "PostId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_violations_AreaId",
                table: "safety_violations",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_violations_EnterpriseId_OccurredAt",
                table: "safety_violations",
                columns: new[] { "EnterpriseId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_violations_PersonId_OccurredAt",
                table: "safety_violations",
                columns: new[] { "PersonId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_violations_UnitId",
                table: "safety_violations",
                column: "UnitId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_hidden_dangers");

            migrationBuilder.DropTable(
                name: "safety_incidents");

            migrationBuilder.DropTable(
                name: "safety_person_posts");

            migrationBuilder.DropTable(
                name: "safety_settings");

            migrationBuilder.DropTable(
                name: "safety_violations");

            migrationBuilder.DropTable(
                name: "safety_hazards");

            migrationBuilder.DropTable(
                name: "safety_task_steps");

            migrationBuilder.DropTable(
                name: "safety_tasks");

            migrationBuilder.DropTable(
                name: "safety_areas");

            migrationBuilder.DropTable(
                name: "safety_posts");
        }
    }
}
