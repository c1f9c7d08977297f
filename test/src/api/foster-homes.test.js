"use strict";
var __awaiter = (this && this.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
var __generator = (this && this.__generator) || function (thisArg, body) {
    var _ = { label: 0, sent: function() { if (t[0] & 1) throw t[1]; return t[1]; }, trys: [], ops: [] }, f, y, t, g = Object.create((typeof Iterator === "function" ? Iterator : Object).prototype);
    return g.next = verb(0), g["throw"] = verb(1), g["return"] = verb(2), typeof Symbol === "function" && (g[Symbol.iterator] = function() { return this; }), g;
    function verb(n) { return function (v) { return step([n, v]); }; }
    function step(op) {
        if (f) throw new TypeError("Generator is already executing.");
        while (g && (g = 0, op[0] && (_ = 0)), _) try {
            if (f = 1, y && (t = op[0] & 2 ? y["return"] : op[0] ? y["throw"] || ((t = y["return"]) && t.call(y), 0) : y.next) && !(t = t.call(y, op[1])).done) return t;
            if (y = 0, t) op = [op[0] & 2, t.value];
            switch (op[0]) {
                case 0: case 1: t = op; break;
                case 4: _.label++; return { value: op[1], done: false };
                case 5: _.label++; y = op[1]; op = [0]; continue;
                case 7: op = _.ops.pop(); _.trys.pop(); continue;
                default:
                    if (!(t = _.trys, t = t.length > 0 && t[t.length - 1]) && (op[0] === 6 || op[0] === 2)) { _ = 0; continue; }
                    if (op[0] === 3 && (!t || (op[1] > t[0] && op[1] < t[3]))) { _.label = op[1]; break; }
                    if (op[0] === 6 && _.label < t[1]) { _.label = t[1]; t = op; break; }
                    if (t && _.label < t[2]) { _.label = t[2]; _.ops.push(op); break; }
                    if (t[2]) _.ops.pop();
                    _.trys.pop(); continue;
            }
            op = body.call(thisArg, _);
        } catch (e) { op = [6, e]; y = 0; } finally { f = t = 0; }
        if (op[0] & 5) throw op[1]; return { value: op[0] ? op[1] : void 0, done: true };
    }
};
var __spreadArray = (this && this.__spreadArray) || function (to, from, pack) {
    if (pack || arguments.length === 2) for (var i = 0, l = from.length, ar; i < l; i++) {
        if (ar || !(i in from)) {
            if (!ar) ar = Array.prototype.slice.call(from, 0, i);
            ar[i] = from[i];
        }
    }
    return to.concat(ar || Array.prototype.slice.call(from));
};
Object.defineProperty(exports, "__esModule", { value: true });
var strict_1 = require("node:assert/strict");
var node_test_1 = require("node:test");
var server_js_1 = require("../support/server.js");
var server;
(0, node_test_1.before)(function () { return __awaiter(void 0, void 0, void 0, function () {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0: return [4 /*yield*/, (0, server_js_1.startTestServer)()];
            case 1:
                server = _a.sent();
                return [2 /*return*/];
        }
    });
}); });
(0, node_test_1.after)(function () { return __awaiter(void 0, void 0, void 0, function () {
    return __generator(this, function (_a) {
        switch (_a.label) {
            case 0: return [4 /*yield*/, (server === null || server === void 0 ? void 0 : server.close())];
            case 1:
                _a.sent();
                return [2 /*return*/];
        }
    });
}); });
var REGISTER = /* GraphQL */ "\n  query Register($filter: FosterHomeFilter, $first: Int, $after: String) {\n    fosterHomes(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges { node { id name kind status places version owner { name kind } approvedBy { name } consultancyAgency { name ivoPermitNumber } householdMembers { id givenName personalIdentityNumber } } }\n    }\n  }";
(0, node_test_1.describe)('the foster-home register over HTTP', function () {
    (0, node_test_1.it)('the unit’s foster-care worker sees its 33 own and emergency homes with their households, in few SQL statements', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, response, homes;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, server.graphql(token, REGISTER, { first: 50 })];
                case 2:
                    response = _a.sent();
                    strict_1.default.equal(response.errors, undefined);
                    homes = response.data.fosterHomes.edges.map(function (e) { return e.node; });
                    strict_1.default.equal(response.data.fosterHomes.totalCount, 33);
                    strict_1.default.equal(homes.filter(function (h) { return h.kind === 'OWN'; }).length, 30);
                    strict_1.default.equal(homes.filter(function (h) { return h.kind === 'EMERGENCY'; }).length, 3);
                    strict_1.default.ok(homes.every(function (h) { return h.householdMembers.length >= 1; }));
                    // identity, page, owners, approvers, agencies, households, audit insert: constant, not per home
                    strict_1.default.ok(response.extensions.queryCount <= 8, "queryCount was ".concat(response.extensions.queryCount));
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('the number of SQL statements does not grow with the page size (no N+1)', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, small, large;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, server.graphql(token, REGISTER, { first: 2 })];
                case 2:
                    small = _a.sent();
                    return [4 /*yield*/, server.graphql(token, REGISTER, { first: 30 })];
                case 3:
                    large = _a.sent();
                    strict_1.default.equal(small.extensions.queryCount, large.extensions.queryCount);
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('a Nora social worker sees the unit’s homes and Nora’s own, never another municipality’s, and no households', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, response, owners, households;
        var _a, _b, _c;
        return __generator(this, function (_d) {
            switch (_d.label) {
                case 0: return [4 /*yield*/, server.signIn('johan.ek@nora.se')];
                case 1:
                    token = _d.sent();
                    return [4 /*yield*/, server.graphql(token, "{ fosterHomes(first: 100) { totalCount edges { node { name owner { name } } } } }")];
                case 2:
                    response = _d.sent();
                    strict_1.default.equal(response.errors, undefined);
                    owners = new Set(response.data.fosterHomes.edges.map(function (e) { return e.node.owner.name; }));
                    strict_1.default.deepEqual(__spreadArray([], owners, true).sort(), ['Familjehemsenheten Norra länsdelen', 'Nora kommun']);
                    return [4 /*yield*/, server.graphql(token, "{ fosterHomes(first: 1) { edges { node { householdMembers { personalIdentityNumber } } } } }")];
                case 3:
                    households = _d.sent();
                    strict_1.default.equal((_c = (_b = (_a = households.errors) === null || _a === void 0 ? void 0 : _a[0]) === null || _b === void 0 ? void 0 : _b.extensions) === null || _c === void 0 ? void 0 : _c.code, 'FORBIDDEN');
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('filters by kind and pages with cursors', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, first, page, second;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('maria.holm@lindesberg.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, server.graphql(token, REGISTER.replace('householdMembers { id givenName personalIdentityNumber }', ''), { filter: { kind: 'CONSULTANT_SUPPORTED' }, first: 1 })];
                case 2:
                    first = _a.sent();
                    strict_1.default.equal(first.errors, undefined);
                    page = first.data.fosterHomes;
                    strict_1.default.ok(page.totalCount >= 1);
                    strict_1.default.equal(page.edges[0].node.kind, 'CONSULTANT_SUPPORTED');
                    strict_1.default.ok(page.edges[0].node.consultancyAgency.ivoPermitNumber);
                    if (!(page.totalCount > 1)) return [3 /*break*/, 4];
                    return [4 /*yield*/, server.graphql(token, REGISTER.replace('householdMembers { id givenName personalIdentityNumber }', ''), { filter: { kind: 'CONSULTANT_SUPPORTED' }, first: 1, after: page.pageInfo.endCursor })];
                case 3:
                    second = _a.sent();
                    strict_1.default.notEqual(second.data.fosterHomes.edges[0].node.id, page.edges[0].node.id);
                    _a.label = 4;
                case 4: return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('a steering-group member and a signed-out caller are refused the register with a code', function () { return __awaiter(void 0, void 0, void 0, function () {
        var steering, refused, anonymous, viewer;
        var _a, _b, _c, _d, _e, _f;
        return __generator(this, function (_g) {
            switch (_g.label) {
                case 0: return [4 /*yield*/, server.signIn('ingrid.wikstrom@norrbotten.se')];
                case 1:
                    steering = _g.sent();
                    return [4 /*yield*/, server.graphql(steering, "{ fosterHomes { totalCount } }")];
                case 2:
                    refused = _g.sent();
                    strict_1.default.equal((_c = (_b = (_a = refused.errors) === null || _a === void 0 ? void 0 : _a[0]) === null || _b === void 0 ? void 0 : _b.extensions) === null || _c === void 0 ? void 0 : _c.code, 'FORBIDDEN');
                    return [4 /*yield*/, server.graphql(null, "{ fosterHomes { totalCount } }")];
                case 3:
                    anonymous = _g.sent();
                    strict_1.default.equal((_f = (_e = (_d = anonymous.errors) === null || _d === void 0 ? void 0 : _d[0]) === null || _e === void 0 ? void 0 : _e.extensions) === null || _f === void 0 ? void 0 : _f.code, 'UNAUTHENTICATED');
                    return [4 /*yield*/, server.graphql(null, "{ viewer { user { displayName } } }")];
                case 4:
                    viewer = _g.sent();
                    strict_1.default.equal(viewer.data.viewer, null);
                    return [2 /*return*/];
            }
        });
    }); });
});
(0, node_test_1.describe)('changing a foster home', function () {
    var UPDATE = /* GraphQL */ "\n    mutation Update($input: UpdateFosterHomeInput!) {\n      updateFosterHome(input: $input) {\n        __typename\n        ... on MutationUpdateFosterHomeSuccess { data { id name places version } }\n        ... on Error { code message }\n        ... on VersionConflictError { currentVersion }\n        ... on ValidationError { issues { path message } }\n      }\n    }";
    function firstOwnHome(token) {
        return __awaiter(this, void 0, void 0, function () {
            var response;
            return __generator(this, function (_a) {
                switch (_a.label) {
                    case 0: return [4 /*yield*/, server.graphql(token, "{ fosterHomes(first: 1, filter: { kind: OWN }) { edges { node { id name places version } } } }")];
                    case 1:
                        response = _a.sent();
                        return [2 /*return*/, response.data.fosterHomes.edges[0].node];
                }
            });
        });
    }
    (0, node_test_1.it)('a stale version is refused with a Swedish message and nothing is overwritten', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, home, saved, stale, after;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, firstOwnHome(token)];
                case 2:
                    home = _a.sent();
                    return [4 /*yield*/, server.graphql(token, UPDATE, { input: { id: home.id, expectedVersion: home.version, places: 2 } })];
                case 3:
                    saved = _a.sent();
                    strict_1.default.equal(saved.data.updateFosterHome.__typename, 'MutationUpdateFosterHomeSuccess');
                    strict_1.default.equal(saved.data.updateFosterHome.data.version, home.version + 1);
                    return [4 /*yield*/, server.graphql(token, UPDATE, { input: { id: home.id, expectedVersion: home.version, name: 'Familjen Skrivöver' } })];
                case 4:
                    stale = _a.sent();
                    strict_1.default.equal(stale.data.updateFosterHome.__typename, 'VersionConflictError');
                    strict_1.default.equal(stale.data.updateFosterHome.code, 'VERSION_CONFLICT');
                    strict_1.default.equal(stale.data.updateFosterHome.currentVersion, home.version + 1);
                    strict_1.default.match(stale.data.updateFosterHome.message, /ändrats av någon annan/);
                    return [4 /*yield*/, firstOwnHome(token)];
                case 5:
                    after = _a.sent();
                    strict_1.default.equal(after.name, home.name);
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('invalid input is refused field by field, in Swedish', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, home, refused, paths;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, firstOwnHome(token)];
                case 2:
                    home = _a.sent();
                    return [4 /*yield*/, server.graphql(token, UPDATE, { input: { id: home.id, expectedVersion: home.version, places: -1, postalCode: '12' } })];
                case 3:
                    refused = _a.sent();
                    strict_1.default.equal(refused.data.updateFosterHome.__typename, 'ValidationError');
                    paths = refused.data.updateFosterHome.issues.map(function (i) { return i.path; }).sort();
                    strict_1.default.deepEqual(paths, ['places', 'postalCode']);
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('a municipality cannot change the unit’s home', function () { return __awaiter(void 0, void 0, void 0, function () {
        var unitToken, home, nora, refused;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    unitToken = _a.sent();
                    return [4 /*yield*/, firstOwnHome(unitToken)];
                case 2:
                    home = _a.sent();
                    return [4 /*yield*/, server.signIn('lena.strand@nora.se')];
                case 3:
                    nora = _a.sent();
                    return [4 /*yield*/, server.graphql(nora, UPDATE, { input: { id: home.id, expectedVersion: home.version, name: 'Kapad' } })];
                case 4:
                    refused = _a.sent();
                    strict_1.default.equal(refused.data.updateFosterHome.__typename, 'ForbiddenError');
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('creating a home with a wrong personnummer saves nothing', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, before, refused, after;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, server.graphql(token, "{ fosterHomes { totalCount } }")];
                case 2:
                    before = (_a.sent()).data.fosterHomes.totalCount;
                    return [4 /*yield*/, server.graphql(token, "mutation($input: CreateFosterHomeInput!) { createFosterHome(input: $input) { __typename ... on ValidationError { message issues { path message } } } }", { input: { kind: 'OWN', name: 'Familjen Test', places: 1, householdMembers: [{ givenName: 'Test', familyName: 'Testsson', personalIdentityNumber: '198211059955', role: 'adult' }] } })];
                case 3:
                    refused = _a.sent();
                    strict_1.default.equal(refused.data.createFosterHome.__typename, 'ValidationError');
                    strict_1.default.match(refused.data.createFosterHome.issues[0].message, /Personnumret/);
                    return [4 /*yield*/, server.graphql(token, "{ fosterHomes { totalCount } }")];
                case 4:
                    after = (_a.sent()).data.fosterHomes.totalCount;
                    strict_1.default.equal(after, before);
                    return [2 /*return*/];
            }
        });
    }); });
    (0, node_test_1.it)('an impossible date is refused before it reaches the domain', function () { return __awaiter(void 0, void 0, void 0, function () {
        var token, refused;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, server.signIn('anna.lind@familjehem-norra.se')];
                case 1:
                    token = _a.sent();
                    return [4 /*yield*/, server.graphql(token, "mutation($input: CreateFosterHomeInput!) { createFosterHome(input: $input) { __typename } }", { input: { kind: 'OWN', name: 'Familjen Datum', places: 1, approvedOn: '2023-02-29' } })];
                case 2:
                    refused = _a.sent();
                    strict_1.default.match(refused.errors[0].message, /Datumet finns inte/);
                    return [2 /*return*/];
            }
        });
    }); });
});
