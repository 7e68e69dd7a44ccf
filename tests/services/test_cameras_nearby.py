"""The cameras nearest to a position or an incident: the same as measuring every camera, and current
after the registry changes (here, through another console's bus, or behind the console's back)."""

from __future__ import annotations

import random
from dataclasses import replace

import pytest
from sqlalchemy import text

from dispatch.catalogue_files import load_default_catalogue
from dispatch.domain.cameras import CameraSpec
from dispatch.domain.cameras_csv import write_camera_csv
from dispatch.domain.clock import ManualClock
from dispatch.domain.geo import distance_m
from dispatch.domain.signals import SignalKind
from dispatch.services import calls, camera_registry, cameras, incidents
from dispatch.services.bus import ChangeBus
from dispatch.services.context import ServiceContext
from tests.services.support import signal

SIMPANG_LIMA = (-6.9903, 110.4229)


def spread(count: int, seed: int, *, prefix: str = "SMG-RT") -> list[CameraSpec]:
    """``count`` cameras scattered over Kota Semarang, denser in the middle as a city's are."""
    rng = random.Random(seed)
    return [
        CameraSpec(
            code=f"{prefix}-{n:06d}",
            name=f"RT {n % 17 + 1:02d} / RW {n % 13 + 1:02d}",
            owner="Diskominfo Kota Semarang",
            lat=round(rng.gauss(-7.0, 0.03), 6),
            lon=round(rng.gauss(110.42, 0.04), 6),
            stream_url=f"http://10.0.{n // 256 % 256}.{n % 256}:8080/mjpeg",
        )
        for n in range(count)
    ]


def load(ctx: ServiceContext, specs: list[CameraSpec]) -> None:
    report = camera_registry.import_cameras(ctx, write_camera_csv(specs).encode("utf-8"))
    assert not report.rejected


def measured(ctx: ServiceContext, lat: float, lon: float, k: int) -> list[tuple[str, float]]:
    """Every active camera measured: the k nearest as (code, metres)."""
    every = [(distance_m(lat, lon, c.lat, c.lon), c.code) for c in camera_registry.cameras(ctx)]
    return [(code, metres) for metres, code in sorted(every)[:k]]


def codes(found: list[cameras.CameraNear]) -> list[tuple[str, float]]:
    return [(near.camera.code, near.distance_m) for near in found]


def same(found: list[cameras.CameraNear], expected: list[tuple[str, float]]) -> None:
    assert [code for code, _ in codes(found)] == [code for code, _ in expected]
    for (_, got), (_, want) in zip(codes(found), expected, strict=True):
        assert got == pytest.approx(want, abs=1e-3)


def test_the_nearest_are_those_measuring_every_camera_finds(ctx: ServiceContext) -> None:
    load(ctx, spread(3000, 16))
    rng = random.Random(4)
    for _ in range(20):
        lat, lon = rng.uniform(-7.1, -6.9), rng.uniform(110.3, 110.55)
        found = cameras.nearest_cameras(ctx, lat, lon)
        same(found, measured(ctx, lat, lon, 10))
        assert all(isinstance(near.camera, camera_registry.CameraView) for near in found)
    assert cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=3)[0].camera.stream_url.startswith("http://10.0.")


def test_none_far_away_and_none_inactive(ctx: ServiceContext) -> None:
    specs = spread(50, 1)
    load(ctx, specs)
    # Jakarta is 360 km away.
    assert cameras.nearest_cameras(ctx, -6.2, 106.8) == []
    assert len(cameras.nearest_cameras(ctx, -6.2, 106.8, max_m=1_000_000)) == 10
    nearest = cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=1)[0].camera
    camera_registry.set_camera_active(ctx, nearest.id, False)
    assert nearest.id not in [near.camera.id for near in cameras.nearest_cameras(ctx, *SIMPANG_LIMA)]
    same(cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=50), measured(ctx, *SIMPANG_LIMA, 50))
    assert len(cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=50)) == 49


def test_the_registry_changed_on_this_console(ctx: ServiceContext) -> None:
    load(ctx, spread(500, 2))
    before = cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=3)
    # A camera put up at Simpang Lima, imported: the nearest at once.
    here = CameraSpec("SMG-SL-1", "Simpang Lima", "Diskominfo", *SIMPANG_LIMA, "rtsp://10.9.9.9/1")
    load(ctx, [here])
    first = cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=3)
    assert [near.camera.code for near in first] == ["SMG-SL-1"] + [n.camera.code for n in before[:2]]
    assert first[0].distance_m == 0.0
    # Moved 2 km north: no longer the nearest.
    camera_registry.update_camera(ctx, first[0].camera.id, replace(here, lat=SIMPANG_LIMA[0] + 0.018))
    same(cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=3), measured(ctx, *SIMPANG_LIMA, 3))


def test_another_console_changed_it(ctx: ServiceContext, clock: ManualClock) -> None:
    """Another console's change reaches this one as a notice on its bus (the change feed's doing on
    PostgreSQL): here the other console's context has a bus of its own, and the notice is handed on."""
    load(ctx, spread(300, 3))
    cameras.nearest_cameras(ctx, *SIMPANG_LIMA)
    other = replace(ctx, bus=ChangeBus())
    other.bus.subscribe(lambda change: ctx.bus.publish(change))
    here = CameraSpec("SMG-SL-1", "Simpang Lima", "Diskominfo", *SIMPANG_LIMA, "rtsp://10.9.9.9/1")
    view = camera_registry.create_camera(other, here)
    assert cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=1)[0].camera.id == view.id
    camera_registry.update_camera(other, view.id, replace(here, lat=-6.9, lon=110.3))
    same(cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=5), measured(ctx, *SIMPANG_LIMA, 5))


def test_changed_behind_the_consoles_back(ctx: ServiceContext) -> None:
    """Rows written with no notice at all (another program on the file): a camera added is found by the
    largest id; one deactivated or moved when it is read among the nearest."""
    load(ctx, spread(300, 5))
    nearest = cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=2)
    with ctx.database.engine.begin() as connection:
        connection.execute(
            text("UPDATE cameras SET active = :no WHERE id = :id"), {"no": False, "id": nearest[0].camera.id}
        )
    found = cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=2)
    assert found[0].camera.id == nearest[1].camera.id
    same(found, measured(ctx, *SIMPANG_LIMA, 2))
    with ctx.database.engine.begin() as connection:
        connection.execute(text("UPDATE cameras SET lat = -6.5 WHERE id = :id"), {"id": nearest[1].camera.id})
    same(cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=2), measured(ctx, *SIMPANG_LIMA, 2))
    with ctx.database.engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO cameras (code, name, owner, lat, lon, stream_url, active, updated_at) "
                "SELECT 'SMG-NEW', 'Baru', '', :lat, :lon, 'rtsp://10.1.1.1/1', :yes, updated_at "
                "FROM cameras LIMIT 1"
            ),
            {"lat": SIMPANG_LIMA[0], "lon": SIMPANG_LIMA[1], "yes": True},
        )
    assert cameras.nearest_cameras(ctx, *SIMPANG_LIMA, k=1)[0].camera.code == "SMG-NEW"


def test_an_empty_registry_has_none(ctx: ServiceContext) -> None:
    assert cameras.nearest_cameras(ctx, *SIMPANG_LIMA) == []


def test_the_cameras_near_an_incident(ctx: ServiceContext, clock: ManualClock) -> None:
    load(ctx, spread(400, 6))
    ringing = calls.record_signal(ctx.as_system(), signal(SignalKind.INCOMING, clock.now()))
    assert ringing is not None
    _call, incident = calls.answer_call(ctx, ringing.id)
    assert cameras.nearest_to_incident(ctx, incident.id) == []
    catalogue = load_default_catalogue()
    incidents.update_field(ctx, incident.id, "lat", SIMPANG_LIMA[0], catalogue)
    incidents.update_field(ctx, incident.id, "lon", SIMPANG_LIMA[1], catalogue)
    same(cameras.nearest_to_incident(ctx, incident.id), measured(ctx, *SIMPANG_LIMA, 10))
    same(cameras.nearest_to_incident(ctx, incident.id, k=4), measured(ctx, *SIMPANG_LIMA, 4))
    assert cameras.nearest_to_incident(ctx, incident.id + 50) == []
