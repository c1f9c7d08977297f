"use strict";
var __assign = (this && this.__assign) || function () {
    __assign = Object.assign || function(t) {
        for (var s, i = 1, n = arguments.length; i < n; i++) {
            s = arguments[i];
            for (var p in s) if (Object.prototype.hasOwnProperty.call(s, p))
                t[p] = s[p];
        }
        return t;
    };
    return __assign.apply(this, arguments);
};
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
Object.defineProperty(exports, "__esModule", { value: true });
exports.startTestServer = startTestServer;
var api_1 = require("@samverka/api");
var config_1 = require("@samverka/api/config");
var testing_1 = require("@samverka/domain/testing");
var pino_1 = require("pino");
/**
 * The real server on a free port, over a private database with the demo data: PGlite by default,
 * the PostgreSQL server when DATABASE_URL is set. Tests talk to it over HTTP only.
 */
function startTestServer() {
    return __awaiter(this, void 0, void 0, function () {
        var db, config, running, error_1, url;
        return __generator(this, function (_a) {
            switch (_a.label) {
                case 0: return [4 /*yield*/, (0, testing_1.createTestDatabase)()];
                case 1:
                    db = _a.sent();
                    config = (0, config_1.loadConfig)(__assign({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', LOAD_DEMO_DATA: 'false' }, (db.url ? { DATABASE_URL: db.url } : {})));
                    _a.label = 2;
                case 2:
                    _a.trys.push([2, 4, , 6]);
                    return [4 /*yield*/, (0, api_1.startServer)(config, { db: db, logger: (0, pino_1.pino)({ level: 'silent' }) })];
                case 3:
                    running = _a.sent();
                    return [3 /*break*/, 6];
                case 4:
                    error_1 = _a.sent();
                    return [4 /*yield*/, db.dispose()];
                case 5:
                    _a.sent();
                    throw error_1;
                case 6:
                    url = running.url;
                    return [2 /*return*/, {
                            url: url,
                            db: db,
                            signIn: function (email) {
                                return __awaiter(this, void 0, void 0, function () {
                                    var response;
                                    return __generator(this, function (_a) {
                                        switch (_a.label) {
                                            case 0: return [4 /*yield*/, fetch("".concat(url, "/auth/demo/sign-in"), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: email }) })];
                                            case 1:
                                                response = _a.sent();
                                                if (!response.ok)
                                                    throw new Error("sign-in failed for ".concat(email, ": ").concat(response.status));
                                                return [4 /*yield*/, response.json()];
                                            case 2: return [2 /*return*/, (_a.sent()).token];
                                        }
                                    });
                                });
                            },
                            graphql: function (token, query, variables, headers) {
                                return __awaiter(this, void 0, void 0, function () {
                                    var response;
                                    return __generator(this, function (_a) {
                                        switch (_a.label) {
                                            case 0: return [4 /*yield*/, fetch("".concat(url, "/graphql"), {
                                                    method: 'POST',
                                                    headers: __assign(__assign({ 'content-type': 'application/json' }, (token ? { authorization: "Bearer ".concat(token) } : {})), headers),
                                                    body: JSON.stringify({ query: query, variables: variables }),
                                                })];
                                            case 1:
                                                response = _a.sent();
                                                return [4 /*yield*/, response.json()];
                                            case 2: return [2 /*return*/, (_a.sent())];
                                        }
                                    });
                                });
                            },
                            close: function () {
                                return __awaiter(this, void 0, void 0, function () {
                                    return __generator(this, function (_a) {
                                        switch (_a.label) {
                                            case 0: return [4 /*yield*/, running.close()];
                                            case 1:
                                                _a.sent();
                                                return [4 /*yield*/, db.dispose()];
                                            case 2:
                                                _a.sent();
                                                return [2 /*return*/];
                                        }
                                    });
                                });
                            },
                        }];
            }
        });
    });
}
