using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CivicGrid.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class SafetyDetections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "safety_camera_keys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    KeyHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    KeyPrefix = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RevokedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    IsDemo = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsDisabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_camera_keys", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_camera_keys_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_cameras",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    AreaId = table.Column<int>(type: "INTEGER", nullable: true),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 15, nullable: true),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_cameras", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_cameras_safety_areas_AreaId",
                        column: x => x.AreaId,
                        principalTable: "safety_areas",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_cameras_units_EnterpriseId",
                        column: x => x.EnterpriseId,
                        principalTable: "units",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_detection_rules",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    MinConfidence = table.Column<double>(type: "REAL", nullable: false),
                    Zone = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    PersistenceSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    CooldownSeconds = table.Column<int>(type: "INTEGER", nullable: false),
                    WorkingHoursOnly = table.Column<bool>(type: "INTEGER", nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_detection_rules", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_detection_rules_safety_cameras_CameraId",
                        column: x => x.CameraId,
                        principalTable: "safety_cameras",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "safety_warnings",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<int>(type: "INTEGER", nullable: false),
                    EnterpriseId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    FirstSeenAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Boxes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    SnapshotFileId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    HiddenDangerId = table.Column<int>(type: "INTEGER", nullable: true),
                    ViolationId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_warnings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_warnings_files_SnapshotFileId",
                        column: x => x.SnapshotFileId,
                        principalTable: "files",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_warnings_safety_cameras_CameraId",
                        column: x => x.CameraId,
                        principalTable: "safety_cameras",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_warnings_safety_hidden_dangers_HiddenDangerId",
                        column: x => x.HiddenDangerId,
                        principalTable: "safety_hidden_dangers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_warnings_safety_violations_ViolationId",
                        column: x => x.ViolationId,
                        principalTable: "safety_violations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "safety_detections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CameraId = table.Column<int>(type: "INTEGER", nullable: false),
                    Type = table.Column<int>(type: "INTEGER", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Boxes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Verdict = table.Column<int>(type: "INTEGER", nullable: false),
                    WarningId = table.Column<long>(type: "INTEGER", nullable: true),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_safety_detections", x => x.Id);
                    table.ForeignKey(
                        name: "FK_safety_detections_safety_cameras_CameraId",
                        column: x => x.CameraId,
                        principalTable: "safety_cameras",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_safety_detections_safety_warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "safety_warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_safety_camera_keys_EnterpriseId",
                table: "safety_camera_keys",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_camera_keys_KeyHash",
                table: "safety_camera_keys",
                column: "KeyHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_cameras_AreaId",
                table: "safety_cameras",
                column: "AreaId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_cameras_Code",
                table: "safety_cameras",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_cameras_EnterpriseId",
                table: "safety_cameras",
                column: "EnterpriseId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_detection_rules_CameraId_Type",
                table: "safety_detection_rules",
                columns: new[] { "CameraId", "Type" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_safety_detections_CameraId_OccurredAt",
                table: "safety_detections",
                columns: new[] { "CameraId", "OccurredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_detections_WarningId",
                table: "safety_detections",
                column: "WarningId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_warnings_CameraId_FirstSeenAt",
                table: "safety_warnings",
                columns: new[] { "CameraId", "FirstSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_warnings_EnterpriseId_FirstSeenAt",
                table: "safety_warnings",
                columns: new[] { "EnterpriseId", "FirstSeenAt" });

            migrationBuilder.CreateIndex(
                name: "IX_safety_warnings_HiddenDangerId",
                table: "safety_warnings",
                column: "HiddenDangerId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_warnings_SnapshotFileId",
                table: "safety_warnings",
                column: "SnapshotFileId");

            migrationBuilder.CreateIndex(
                name: "IX_safety_warnings_ViolationId",
                table: "safety_warnings",
                column: "ViolationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "safety_camera_keys");

            migrationBuilder.DropTable(
                name: "safety_detection_rules");

            migrationBuilder.DropTable(
                name: "safety_detections");

            migrationBuilder.DropTable(
                name: "safety_warnings");

            migrationBuilder.DropTable(
                name: "safety_cameras");
        }
    }
}
