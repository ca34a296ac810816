using CivicGrid.Cases.Attachments;
using CivicGrid.Organization;
using CivicGrid.Safety;
using CivicGrid.Safety.Detections;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CivicGrid.Data;

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> b)
    {
        b.ToTable("safety_cameras");
        b.Property(c => c.Code).HasMaxLength(50);
        b.Property(c => c.Name).HasMaxLength(100);
        b.Property(c => c.RegionCode).HasMaxLength(15);
        b.HasIndex(c => c.Code).IsUnique();
        b.HasIndex(c => c.EnterpriseId);
        b.HasOne<Unit>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SafetyArea>().WithMany().HasForeignKey(c => c.AreaId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DetectionRuleConfiguration : IEntityTypeConfiguration<DetectionRule>
{
    public void Configure(EntityTypeBuilder<DetectionRule> b)
    {
        b.ToTable("safety_detection_rules");
        b.Property(r => r.Zone).HasMaxLength(1000);
        b.HasIndex(r => new { r.CameraId, r.Type }).IsUnique();
        b.HasOne<Camera>().WithMany().HasForeignKey(r => r.CameraId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CameraIntegrationKeyConfiguration : IEntityTypeConfiguration<CameraIntegrationKey>
{
    public void Configure(EntityTypeBuilder<CameraIntegrationKey> b)
    {
        b.ToTable("safety_camera_keys");
        b.Property(k => k.Name).HasMaxLength(100);
        b.Property(k => k.KeyHash).HasMaxLength(64);
        b.Property(k => k.KeyPrefix).HasMaxLength(16);
        b.HasIndex(k => k.KeyHash).IsUnique();
        b.HasOne<Unit>().WithMany().HasForeignKey(k => k.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DetectionWarningConfiguration : IEntityTypeConfiguration<DetectionWarning>
{
    public void Configure(EntityTypeBuilder<DetectionWarning> b)
    {
        b.ToTable("safety_warnings");
        b.Property(w => w.Boxes).HasMaxLength(2000);
        b.Property(w => w.SnapshotFileId).HasMaxLength(64);
        b.Property(w => w.ResolvedBy).HasMaxLength(100);
        b.Property(w => w.Note).HasMaxLength(500);
        b.HasIndex(w => new { w.EnterpriseId, w.FirstSeenAt });
        b.HasIndex(w => new { w.CameraId, w.FirstSeenAt });
        b.HasOne<Camera>().WithMany().HasForeignKey(w => w.CameraId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<StoredFile>().WithMany().HasForeignKey(w => w.SnapshotFileId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<HiddenDanger>().WithMany().HasForeignKey(w => w.HiddenDangerId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Violation>().WithMany().HasForeignKey(w => w.ViolationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class DetectionConfiguration : IEntityTypeConfiguration<Detection>
{
    public void Configure(EntityTypeBuilder<Detection> b)
    {
        b.ToTable("safety_detections");
        b.Property(d => d.Boxes).HasMaxLength(2000);
        b.HasIndex(d => new { d.CameraId, d.OccurredAt });
        b.HasOne<Camera>().WithMany().HasForeignKey(d => d.CameraId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<DetectionWarning>().WithMany().HasForeignKey(d => d.WarningId).OnDelete(DeleteBehavior.Restrict);
    }
}
